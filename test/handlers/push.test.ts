import { describe, it } from "vitest";
import { pushEvent } from "../fixtures/events/webhook-events.js";
import { createProbot } from "./harness.js";
import { mockAssignable, mockSweepReads } from "../sweep/mock-sweep.js";
import { github, mockConfig, REPO_PATH, useNock } from "./nock-github.js";
import { WRAPUP_PATH } from "./world.js";

describe("push handler", () => {
  useNock();

  it("a push to the default branch touching a wrap-up sweeps the repository", async () => {
    // The config is read once: the handler picks wrap-up paths with it and hands it to the sweep.
    mockSweepReads({});
    mockAssignable(REPO_PATH, 1);
    github().post(`${REPO_PATH}/issues`, (b) => /Faster Widget Builds/.test(b.title)).reply(201, { number: 50 });
    await createProbot().receive(pushEvent({ modified: [WRAPUP_PATH] }));
  });

  it("ignores pushes to other branches", async () => {
    await createProbot().receive(pushEvent({ ref: "refs/heads/feature", modified: [WRAPUP_PATH] }));
  });

  it("ignores pushes that touch no wrap-up file", async () => {
    mockConfig(null);
    await createProbot().receive(pushEvent({ modified: ["src/app.ts"] }));
  });
});
