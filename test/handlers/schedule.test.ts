import { describe, expect, it } from "vitest";
import { sweepAllInstallations } from "../../src/handlers/schedule.js";
import { INSTALLATION_ID } from "../fixtures/events/webhook-events.js";
import { createDeps, createProbot } from "./harness.js";
import { mockAssignable, mockSweepReads } from "../sweep/mock-sweep.js";
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
    mockAssignable(REPO_PATH, 1);
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

  it("sweeps installations side by side: one that is slow (or waiting for its rate limit) holds up no other", async () => {
    const deps = createDeps();
    github()
      .get("/app/installations")
      .query(true)
      .reply(200, [{ id: INSTALLATION_ID, account: { login: "slow" } }, { id: 2, account: { login: "acme" } }]);
    github().post("/app/installations/2/access_tokens").reply(201, { token: "ghs_other", expires_at: "2099-01-01T00:00:00Z" });
    github()
      .get("/installation/repositories")
      .matchHeader("authorization", "token ghs_test")
      .query(true)
      .delay(4_000)
      .reply(200, { total_count: 0, repositories: [] });
    github()
      .get("/installation/repositories")
      .matchHeader("authorization", "token ghs_other")
      .query(true)
      .reply(200, { total_count: 1, repositories: [{ name: "hackathon", owner: { login: "acme" } }] });
    mockSweepReads({});
    mockAssignable(REPO_PATH, 1);
    github().post(`${REPO_PATH}/issues`).reply(201, { number: 50 });
    const started = Date.now();
    const tick = sweepAllInstallations(createProbot(deps), deps);
    while (!deps.lastSweep.has("acme/hackathon") && Date.now() - started < 10_000) await new Promise((r) => setTimeout(r, 5));
    const sweptAfter = Date.now() - started;
    await tick;
    // The slow installation's answer takes 4 s; the other one was swept well before it came.
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_000);
    expect(sweptAfter).toBeLessThan(3_000);
  });
});
