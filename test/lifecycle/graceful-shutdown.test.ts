/** Probot's real server in this process, with deliveries tracked: drain, refuse, wait, time out. */
import { generateKeyPairSync, randomUUID } from "node:crypto";
import { request } from "node:http";
import pino from "pino";
import { Probot, Server } from "probot";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sign } from "../../dev/webhooks.js";
import { createMemoryCoordination } from "../../src/coordination/memory-coordination.js";
import { createHealthHandler } from "../../src/handlers/health.js";
import { shutDown, type AppRuntime } from "../../src/lifecycle/graceful-shutdown.js";
import { trackDeliveries } from "../../src/lifecycle/track-deliveries.js";
import { renderMetrics } from "../../src/metrics/metrics.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
const SECRET = "shutdown-secret";
const quiet = { info: () => undefined, warn: () => undefined };

describe("graceful shutdown", () => {
  let server: Server;
  let base: string;
  let runtime: AppRuntime;
  let handled: number;
  let release: () => void;
  let gate: Promise<void>;

  beforeEach(async () => {
    handled = 0;
    gate = new Promise((resolve) => (release = resolve));
    server = new Server({ port: 0, host: "127.0.0.1", Probot: Probot.defaults({ appId: 1, privateKey, secret: SECRET, logLevel: "fatal" }), enableStaticFiles: false, log: pino({ level: "silent" }) });
    await server.load(async (app, options) => {
      app.on("issues.opened", async () => {
        await gate;
        handled += 1;
      });
      const deliveries = trackDeliveries(app);
      options.addHandler(createHealthHandler(() => !deliveries.taking));
      runtime = { deliveries, coordination: createMemoryCoordination(), log: quiet };
    });
    await server.start();
    base = `http://127.0.0.1:${server.port}`;
  });
  afterEach(async () => {
    release();
    await server.stop().catch(() => undefined);
  });

  // A connection per request: each test has its own server, maybe on the port the last one had.
  const post = (secret = SECRET) =>
    new Promise<number>((resolve, reject) => {
      const body = JSON.stringify({ action: "opened", issue: { number: 1 }, repository: { name: "x", owner: { login: "acme" } } });
      const headers = { "content-type": "application/json", "x-github-event": "issues", "x-github-delivery": randomUUID(), "x-hub-signature-256": sign(secret, body) };
      const req = request(`${base}/api/github/webhooks`, { method: "POST", headers, agent: false }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end(body);
    });
  const series = async (name: string) => {
    const line = (await renderMetrics()).body.split("\n").find((l) => l.startsWith(`${name} `));
    return line ? Number(line.slice(name.length + 1)) : 0;
  };

  it("stops taking deliveries, lets the one in flight finish, then reports finished", async () => {
    const inFlight = post();
    while (runtime.deliveries.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const stopping = shutDown(runtime, { timeoutMs: 5_000, log: quiet, stopServer: () => server.stop() });
    const health = await fetch(`${base}/health`, { headers: { connection: "close" } });
    expect([health.status, await health.json()]).toEqual([503, { status: "draining" }]);
    expect(await post()).toBe(503);
    expect(handled).toBe(0);
    release();
    expect(await inFlight).toBe(200);
    expect(await stopping).toBe("finished");
    expect(handled).toBe(1);
    expect(await series('wrapup_tracker_deliveries_total{event="issues",outcome="handled"}')).toBe(1);
    expect(await series('wrapup_tracker_deliveries_total{event="issues",outcome="refused"}')).toBe(1);
    expect(await series("wrapup_tracker_deliveries_in_flight")).toBe(0);
  });

  it("gives up on work that outlasts the timeout", async () => {
    const pending = post().catch(() => 0);
    while (runtime.deliveries.inFlight === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    expect(await shutDown(runtime, { timeoutMs: 200, log: quiet })).toBe("timed-out");
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(handled).toBe(0);
    release();
    expect(await pending).toBe(200);
  });

  it("counts a delivery with a bad signature as rejected", async () => {
    expect(await post("not-the-secret")).toBe(400);
    expect(await series('wrapup_tracker_deliveries_total{event="issues",outcome="rejected"}')).toBe(1);
  });
});
