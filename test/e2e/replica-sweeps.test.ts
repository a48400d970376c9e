/**
 * The sweep timer on two real server processes sharing one stand-in and one real Redis: one sweep
 * per repository per interval, and a killed replica's lease expiring. Needs `npm run build` and
 * `redis-server` (`.ci/run`).
 */
import { afterEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON } from "./helpers/e2e-world.js";
import { holderOf, logsOf, SCHEDULER_ENV, SWEEP_LEASE, waitForLeaseHolder } from "./helpers/replicas.js";
import { waitFor } from "./helpers/webhooks.js";

describe("two replicas, one Redis: the sweep schedule", () => {
  let redis: RedisServer;
  let standIn: StandIn;
  let replicas: AppProcess[] = [];

  const start = async (config: string, env: Record<string, string> = {}, prepare: (standIn: StandIn) => void = () => undefined) => {
    redis = await startRedisServer();
    standIn = await startStandIn({ world: buildE2eWorld({ config }) });
    prepare(standIn);
    // The real clock: with WRAPUP_NOW frozen, no interval would ever pass.
    replicas = await Promise.all([0, 1].map(() => startApp({ standIn, env: { REDIS_URL: redis.url, ...SCHEDULER_ENV, ...env } })));
  };
  /** Scheduled sweeps of the wrap-up repository (the installation also has acme/widgets). */
  const sweepsDone = (apps = replicas) =>
    apps.flatMap((app) => logsOf(app, "sweep done").filter((l) => l.trigger === "schedule" && l.repo === HACKATHON).map((l) => ({ app, at: Number(l.time) })));
  const logs = () => replicas.map((app) => app.notableLogs()).join("\n");

  afterEach(async () => {
    await Promise.all(replicas.map((app) => app.stop()));
    await standIn?.close();
    await redis?.stop();
  });

  it("two schedulers sweep a repository once per interval", async () => {
    // `sweep.everyHours` of 3 s; each replica looks ten times per interval.
    const intervalMs = 3_000;
    await start(`sweep:\n  everyHours: ${intervalMs / 3_600_000}\n`);
    const started = Date.now();
    await waitFor(() => sweepsDone().length >= 3, 40_000, () => `three sweeps\n${logs()}`);
    const elapsed = Date.now() - started;
    const times = sweepsDone().map((s) => s.at).sort((a, b) => a - b);
    const gaps = times.slice(1).map((at, i) => at - times[i]!);
    console.log(`sweeps over ${elapsed} ms at a ${intervalMs} ms interval: ${times.length}, gaps ${gaps.join(", ")} ms, by ${sweepsDone().map((s) => replicas.indexOf(s.app)).join(",")}`);
    // Never two sweeps within one interval, though both replicas looked ~10 times per interval.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(intervalMs);
    expect(times.length).toBeLessThanOrEqual(Math.floor(elapsed / intervalMs) + 1);
  }, 60_000);

  it("a killed replica's sweep lease expires and the other replica sweeps", async () => {
    // The first sweep hangs on its first request to the repository: its replica is killed meanwhile.
    await start("", { WRAPUP_LEASE_TTL_MS: "2000" }, (standIn) =>
      standIn.faults.timeout(1, 30_000, (r) => r.method === "GET" && r.route === `/repos/${HACKATHON}`),
    );
    await waitFor(() => standIn.requests.some((r) => r.fault === "timeout"), 20_000, () => `the first sweep's hanging request\n${logs()}`);
    // The lease names its holder, `<host>:<pid> <nonce> <fence>`: that replica is mid-sweep.
    const value = await redis.client.get(SWEEP_LEASE);
    const victim = holderOf(value, replicas);
    expect(victim, `lease ${value}`).toBeDefined();
    const survivor = replicas.find((app) => app !== victim)!;
    victim!.kill("SIGKILL");
    const killedAt = Date.now();
    await victim!.exited;
    // Until the lease expires the survivor leaves the repository alone; then it takes it and sweeps.
    const takenOverAfter = await waitForLeaseHolder(redis, survivor, killedAt);
    await waitFor(() => sweepsDone([survivor]).length > 0, 20_000, () => `the survivor's sweep\n${survivor.notableLogs()}`);
    console.log(`killed the sweeping replica: the other took its lease ${takenOverAfter} ms later (TTL 2000 ms) and finished the sweep ${Date.now() - killedAt} ms after the kill`);
    // Not before the lease could expire (renewed every 667 ms until the kill), not long after.
    expect(takenOverAfter).toBeGreaterThanOrEqual(500);
    expect(takenOverAfter).toBeLessThan(6_000);
    expect(sweepsDone([victim!])).toEqual([]);
    expect(await redis.client.exists(SWEEP_LEASE)).toBe(0);
  }, 60_000);
});
