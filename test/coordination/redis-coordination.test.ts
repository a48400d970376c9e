/** Cooldowns, the sweep schedule and the shared state cache of two replicas on one real Redis. */
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Coordination } from "../../src/coordination/coordination.js";
import { createRedisCoordination } from "../../src/coordination/redis-coordination.js";
import { sweepIfDue } from "../../src/coordination/sweep-if-due.js";
import type { LinkState } from "../../src/github/types.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const HOUR = 3_600_000;

describe("Redis coordination between two replicas", () => {
  let server: RedisServer;
  const opened: { redis: Redis; coordination: Coordination }[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    for (const { coordination } of opened.splice(0)) await coordination.close();
    await server.client.flushall();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const replica = (holder: string, leaseTtlMs = 500) => {
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
    const coordination = createRedisCoordination({ redis, holder, leaseTtlMs, lockWaitMs: 5_000 });
    opened.push({ redis, coordination });
    return { redis, coordination };
  };

  it("grants a /refresh cooldown to one of two simultaneous claims, then again once it expired", async () => {
    const a = replica("a").coordination;
    const b = replica("b").coordination;
    const claims = await Promise.all([a.claimCooldown("acme/x#1", 400), b.claimCooldown("acme/x#1", 400)]);
    expect(claims.filter((c) => c.claimed)).toHaveLength(1);
    const refused = claims.find((c) => !c.claimed) as { claimed: false; retryInMs: number };
    expect(refused.retryInMs).toBeGreaterThan(0);
    expect(refused.retryInMs).toBeLessThanOrEqual(400);
    // Another thread is not affected; a zero cooldown never refuses.
    expect(await a.claimCooldown("acme/x#2", 400)).toEqual({ claimed: true });
    expect(await b.claimCooldown("acme/x#3", 0)).toEqual({ claimed: true });
    expect(await b.claimCooldown("acme/x#3", 0)).toEqual({ claimed: true });
    await sleep(450);
    expect(await b.claimCooldown("acme/x#1", 400)).toEqual({ claimed: true });
  });

  it("sweeps a repository once per interval whichever replica ticks first", async () => {
    const a = replica("a").coordination;
    const b = replica("b").coordination;
    let now = Date.parse("2026-11-21T12:00:00Z");
    const sweeps: string[] = [];
    const tick = (who: string, coordination: Coordination) =>
      sweepIfDue(coordination, "acme/x", {
        now: () => now,
        isDue: async (last) => last === undefined || now - last >= HOUR,
        sweep: async () => {
          await sleep(50);
          sweeps.push(who);
          return who;
        },
      });
    const first = await Promise.all([tick("a", a), tick("b", b)]);
    expect(first.map((t) => t.turn).sort()).toEqual(["elsewhere", "swept"]);
    expect(sweeps).toHaveLength(1);
    expect(await b.lastSweep("acme/x")).toBe(now);
    now += HOUR - 1;
    expect((await Promise.all([tick("a", a), tick("b", b)])).map((t) => t.turn)).toEqual(["not-due", "not-due"]);
    now += 1;
    const second = await Promise.all([tick("b", b), tick("a", a)]);
    expect(second.filter((t) => t.turn === "swept")).toHaveLength(1);
    expect(sweeps).toHaveLength(2);
    expect(await server.client.keys("*lease:*")).toEqual([]);
  });

  it("leaves the repository due when the sweeping replica dies; the other sweeps once its lease expired", async () => {
    const dying = replica("dying");
    const other = replica("other").coordination;
    const now = () => Date.parse("2026-11-21T12:00:00Z");
    const isDue = async (last: number | undefined) => last === undefined;
    let started!: () => void;
    const sweepStarted = new Promise<void>((resolve) => (started = resolve));
    const abandoned = sweepIfDue(dying.coordination, "acme/x", {
      now,
      isDue,
      sweep: async () => {
        started();
        // The replica dies mid-sweep: its connection goes, and this sweep never ends.
        dying.redis.disconnect();
        return new Promise<never>(() => undefined);
      },
    });
    void abandoned;
    await sweepStarted;
    const killedAt = Date.now();
    let turn = await sweepIfDue(other, "acme/x", { now, isDue, sweep: async () => "swept by other" });
    expect(turn.turn).toBe("elsewhere");
    while (turn.turn !== "swept") {
      await sleep(25);
      turn = await sweepIfDue(other, "acme/x", { now, isDue, sweep: async () => "swept by other" });
    }
    const waited = Date.now() - killedAt;
    expect(waited).toBeGreaterThan(300);
    expect(waited).toBeLessThan(1_500);
    expect(await other.lastSweep("acme/x")).toBe(now());
    opened.splice(opened.findIndex((o) => o.redis === dying.redis), 1);
  });

  it("shares resolved link states with the same TTL", async () => {
    const a = replica("a").coordination.stateCache!;
    const b = replica("b").coordination.stateCache!;
    const state = { type: "issue", status: "missing" } as LinkState;
    await a.track("31 issue:acme/x#1", Promise.resolve(state));
    await sleep(20);
    expect(b.get("31 issue:acme/x#1")).toBeUndefined();
    await b.warm(["31 issue:acme/x#1", "31 issue:acme/x#2"]);
    expect(b.get("31 issue:acme/x#1")).toEqual(state);
    expect(b.get("31 issue:acme/x#2")).toBeUndefined();
    const ttl = await server.client.pttl("wrapup-tracker:state:31 issue:acme/x#1");
    expect(ttl).toBeGreaterThan(9 * 60_000);
    expect(ttl).toBeLessThanOrEqual(10 * 60_000);
    // Transient failures are shared no more than they are kept.
    await a.track("31 issue:acme/x#3", Promise.resolve({ type: "issue", status: "error", message: "502" } as LinkState));
    await sleep(20);
    expect(await server.client.exists("wrapup-tracker:state:31 issue:acme/x#3")).toBe(0);
  });

  it("hands back the leases it holds and disconnects on close", async () => {
    const { redis, coordination } = replica("a", 60_000);
    await coordination.tryLease("sweep:acme/x");
    const waiting = coordination.lock("thread")("acme/x#1", async () => {
      expect(await server.client.keys("*lease:*")).toHaveLength(2);
      await coordination.close();
    });
    await waiting.catch(() => undefined);
    opened.splice(opened.findIndex((o) => o.redis === redis), 1);
    expect(await server.client.keys("*lease:*")).toEqual([]);
    // QUIT answered: the connection closes right after.
    for (let i = 0; i < 20 && redis.status !== "end"; i += 1) await sleep(25);
    expect(redis.status).toBe("end");
  });
});
