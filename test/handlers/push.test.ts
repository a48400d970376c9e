import { describe, it } from "vitest";
import { pushEvent } from "../fixtures/events/webhook-events.js";
import { createProbot } from "./harness.js";
import { github, mockConfig, REPO_PATH, SELF, useNock } from "./nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT } from "./world.js";

describe("push handler", () => {
  useNock();

  it("a push to the default branch touching a wrap-up sweeps the repository", async () => {
    mockConfig(null); // read once: the handler picks wrap-up paths with it and hands it to the sweep
    github().get(REPO_PATH).reply(200, { default_branch: "main", html_url: "https://github.com/acme/hackathon" });
    github().get(`${REPO_PATH}/issues`).query({ state: "all", per_page: 100, creator: SELF }).reply(200, []);
    github()
      .get(`${REPO_PATH}/git/trees/main`)
      .query({ recursive: "true" })
      .reply(200, { truncated: false, tree: [{ path: WRAPUP_PATH, type: "blob" }] });
    mockGithubGraphql(
      { [WRAPUP_PATH]: WRAPUP_TEXT },
      { "pull:acme/widgets#101": widgetPull(101, "stale"), "pull:acme/widgets#102": widgetPull(102, "merged") },
      2,
    );
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
