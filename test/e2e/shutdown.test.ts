/**
 * Graceful shutdown of the real server process on SIGTERM, with a real Redis: in-flight work
 * finishes or its leases are handed back. Needs `npm run build` first and `redis-server` (`.ci/run`).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, SECOND_PR } from "./helpers/e2e-world.js";
import { statusComments } from "./helpers/inspect.js";
import { holderOf, logsOf, SCHEDULER_ENV, SWEEP_LEASE, waitForLeaseHolder } from "./helpers/replicas.js";
import { deliver, pullRequestEvent, waitFor } from "./helpers/webhooks.js";

describe("a replica stopped with SIGTERM", () => {
  let redis: RedisServer;
  let standIn: StandIn;
  let replicas: AppProcess[] = [];

  afterEach(async () => {
    await Promise.all(replicas.map((app) => app.stop()));
    await standIn?.close();
    await redis?.stop();
  });

  it("refuses new deliveries, finishes the one in flight, then exits 0 holding no lease", async () => {
    redis = await startRedisServer();
    standIn = await startStandIn({ world: buildE2eWorld() });
    // Slow answers keep the delivery in flight long enough to stop the process under it.
    standIn.faults.latency(150);
    const app = await startApp({ standIn, env: { WRAPUP_NOW: NOW, REDIS_URL: redis.url } });
    replicas = [app];
    const event = pullRequestEvent(standIn.world, HACKATHON, SECOND_PR, "opened", INSTALLATION_ID);
    const inFlight = deliver(app, event);
    await waitFor(() => standIn.requests.some((r) => r.route === `/repos/${HACKATHON}/pulls/${SECOND_PR}/files`), 15_000, "the delivery under way");
    app.kill("SIGTERM");
    await waitFor(() => app.countLogs("signal received") > 0, 5_000, "the signal");
    // Draining: load balancers see it on /health, and deliveries go to the other replicas.
    expect(await fetch(`${app.url}/health`).then(async (r) => [r.status, await r.json()])).toEqual([503, { status: "draining" }]);
    expect(await deliver(app, event)).toBe(503);
    expect(await inFlight).toBeLessThan(300);
    expect(await app.exited).toBe(0);
    expect(statusComments(standIn, HACKATHON, SECOND_PR), app.notableLogs()).toHaveLength(1);
    expect(logsOf(app, "shut down").map((l) => l.outcome)).toEqual(["finished"]);
    expect(await redis.client.keys("wrapup-tracker:lease:*")).toEqual([]);
  }, 60_000);

  it("hands back the lease of a sweep it cannot finish in time: the other replica sweeps at once", async () => {
    redis = await startRedisServer();
    standIn = await startStandIn({ world: buildE2eWorld() });
    standIn.faults.timeout(1, 30_000, (r) => r.method === "GET" && r.route === `/repos/${HACKATHON}`);
    // A lease TTL far longer than the test: only a lease handed back lets the other replica in.
    const env = { REDIS_URL: redis.url, ...SCHEDULER_ENV, WRAPUP_LEASE_TTL_MS: "60000", WRAPUP_SHUTDOWN_TIMEOUT_MS: "1000" };
    replicas = await Promise.all([0, 1].map(() => startApp({ standIn, env })));
    await waitFor(() => standIn.requests.some((r) => r.fault === "timeout"), 20_000, "the first sweep's hanging request");
    const stopping = holderOf(await redis.client.get(SWEEP_LEASE), replicas)!;
    const other = replicas.find((app) => app !== stopping)!;
    stopping.kill("SIGTERM");
    const signalledAt = Date.now();
    // Cut off after the 1 s allowed: exit code 1 says work was handed back, not finished.
    expect(await stopping.exited).toBe(1);
    const exitedAfter = Date.now() - signalledAt;
    const takenOverAfter = await waitForLeaseHolder(redis, other, signalledAt);
    await waitFor(
      () => logsOf(other, "sweep done").some((l) => l.trigger === "schedule" && l.repo === HACKATHON),
      20_000,
      () => `the other replica's sweep\n${other.notableLogs()}`,
    );
    const sweptAfter = Date.now() - signalledAt;
    console.log(`SIGTERM mid-sweep: exited after ${exitedAfter} ms; the other replica took the lease ${takenOverAfter} ms and finished the sweep ${sweptAfter} ms after the signal (lease TTL 60 s)`);
    expect(exitedAfter).toBeLessThan(5_000);
    expect(takenOverAfter).toBeLessThan(5_000);
    expect(sweptAfter).toBeLessThan(20_000);
    expect(logsOf(stopping, "shut down").map((l) => l.outcome)).toEqual(["timed-out"]);
  }, 60_000);
});
