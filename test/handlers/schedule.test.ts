import { describe, expect, it } from "vitest";
import { sweepAllInstallations } from "../../src/handlers/schedule.js";
import { INSTALLATION_ID } from "../fixtures/events/webhook-events.js";
import { createDeps, createProbot } from "./harness.js";
import { mockSweepReads } from "../sweep/mock-sweep.js";
import { github, mockConfig, NOW, REPO_PATH, useNock } from "./nock-github.js";

function mockInstallations(): void {
  github().get("/app/installations").query(true).reply(200, [{ id: INSTALLATION_ID, account: { login: "acme" } }]);
  github()
    .get("/installation/repositories")
    .query(true)
    .reply(200, { total_count: 1, repositories: [{ name: "hackathon", owner: { login: "acme" } }] });
}

describe("scheduled sweep over all installations", () => {
  useNock();

  it("sweeps every repository once, then waits for sweep.everyHours", async () => {
    const deps = createDeps();
    const probot = createProbot(deps);
    mockInstallations();
    mockSweepReads({});
    github().post(`${REPO_PATH}/issues`).reply(201, { number: 50 });
    await sweepAllInstallations(probot, deps);
    expect(deps.lastSweep.get("acme/hackathon")).toBe(NOW.getTime());

    // An hour later: the repository is not due (default everyHours 24), only its config is read.
    mockInstallations();
    mockConfig(null);
    await sweepAllInstallations(probot, { ...deps, now: () => new Date(NOW.getTime() + 3_600_000) });
  });

  it("one repository failing does not stop the tick", async () => {
    const deps = createDeps();
    mockInstallations();
    github().get(`${REPO_PATH}/contents/.github%2Fwrapup-tracker.yml`).reply(200, "{}", { "content-type": "text/plain; charset=utf-8" });
    github().get(REPO_PATH).reply(404, { message: "Not Found" });
    await sweepAllInstallations(createProbot(deps), deps);
    expect(deps.lastSweep.size).toBe(0);
  });
});
