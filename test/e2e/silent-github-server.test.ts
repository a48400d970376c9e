/**
 * The server while GitHub accepts connections and never answers: a delivery left hanging is
 * logged as a warning once it runs past the threshold, and `/ready` says GitHub is silent (with
 * since when and what went unanswered) while `/health` stays 200. Short thresholds via env.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, WRAPUP_PR } from "./helpers/e2e-world.js";
import { deliver, pullRequestEvent, waitFor } from "./helpers/webhooks.js";

describe("server when GitHub goes silent", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld({}) });
    app = await startApp({
      standIn,
      env: { WRAPUP_NOW: NOW, WRAPUP_GITHUB_TIMEOUT_MS: "500", WRAPUP_SLOW_DELIVERY_MS: "1000", WRAPUP_GITHUB_SILENT_MS: "1000" },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("warns about a delivery in flight too long, and /ready reports GitHub silent", async () => {
    const ready = async () => {
      const response = await fetch(`${app.url}/ready`);
      return { status: response.status, body: (await response.json()) as { status: string; since?: string; last?: string } };
    };
    expect(await ready()).toEqual({ status: 200, body: { status: "ready" } });
    standIn.faults.hang("any");
    const delivered = deliver(app, pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "opened", INSTALLATION_ID));
    await waitFor(() => app.countLogs("delivery still running") > 0, 10_000, () => `the slow-delivery warning\n${app.notableLogs()}`);
    const state = await pollReady(ready, 503);
    expect(state.status).toBe(503);
    expect(state.body).toMatchObject({ status: "github-silent", last: expect.stringMatching(/^GitHub did not answer within 0\.5 s: (GET|POST) http:\/\/127\.0\.0\.1:\d+\//) });
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    // GitHub answers again: ready again once a request gets through.
    standIn.faults.clear();
    await delivered;
    await deliver(app, pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "synchronize", INSTALLATION_ID));
    expect((await pollReady(ready, 200)).status).toBe(200);
  }, 60_000);
});

/** Asks `/ready` until it answers `status` (or 15 s pass); the last answer. */
async function pollReady<T extends { status: number }>(ready: () => Promise<T>, status: number): Promise<T> {
  const deadline = Date.now() + 15_000;
  let state = await ready();
  while (state.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    state = await ready();
  }
  return state;
}
