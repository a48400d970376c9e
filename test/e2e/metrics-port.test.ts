/**
 * With METRICS_PORT, the real server keeps /metrics off the webhook port: the metrics and a second
 * /health answer on the internal port only, and its health checks and scrapes log at debug, not info.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { freePort, startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld } from "./helpers/e2e-world.js";

describe("METRICS_PORT", () => {
  let standIn: StandIn;
  let app: AppProcess;
  let internal: string;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld() });
    const port = await freePort();
    internal = `http://127.0.0.1:${port}`;
    app = await startApp({ standIn, env: { METRICS_PORT: String(port), LOG_LEVEL: "info" } });
  }, 30_000);
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("serves /metrics on the internal port and not on the webhook port", async () => {
    const scrape = await fetch(`${internal}/metrics`);
    expect(scrape.status).toBe(200);
    expect(await scrape.text()).toContain("wrapup_tracker_process_cpu_seconds_total");
    expect((await fetch(`${app.url}/metrics`)).status).toBe(404);
  });

  it("answers /health on both ports", async () => {
    expect(await fetch(`${internal}/health`).then((r) => r.json())).toEqual({ status: "ok" });
    expect(await fetch(`${app.url}/health`).then((r) => r.json())).toEqual({ status: "ok" });
  });

  it("logs no info line for health checks and scrapes on the internal port", async () => {
    const before = app.output().length;
    for (let i = 0; i < 5; i++) {
      await fetch(`${internal}/health`).then((r) => r.text());
      await fetch(`${internal}/metrics`).then((r) => r.text());
    }
    // The webhook port's request log (Probot's, at info) shows the same request would be logged there.
    await fetch(`${app.url}/ping`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = app.output().slice(before).split("\n").filter(Boolean);
    // A request logged at info names its host (Probot's request log) or its path (any other line).
    const internalHost = new URL(internal).host;
    expect(lines.filter((line) => line.includes(internalHost) || line.includes("/metrics"))).toEqual([]);
    expect(lines.some((line) => line.includes("GET /ping"))).toBe(true);
  });
});
