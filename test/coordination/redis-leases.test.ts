/** Leases on a real Redis: two "replicas" are two sets of leases with their own connections. */
import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { LeaseLostError, LockTimeoutError } from "../../src/coordination/coordination.js";
import { createRedisLeases, type RedisLeaseOptions } from "../../src/coordination/redis-leases.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("Redis leases", () => {
  let server: RedisServer;
  const clients: Redis[] = [];

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    for (const client of clients.splice(0)) client.disconnect();
    await server.client.flushall();
  });
  afterAll(async () => {
    await server?.stop();
  });

  const replica = (holder: string, extra: Partial<RedisLeaseOptions> = {}) => {
    const redis = new Redis(server.url, { maxRetriesPerRequest: 1, retryStrategy: () => null });
    clients.push(redis);
    return { redis, leases: createRedisLeases({ redis, prefix: "t:", holder, ttlMs: 600, waitMs: 5_000, ...extra }) };
  };

  it("runs tasks on one key one at a time across replicas, other keys in parallel", async () => {
    const a = replica("a").leases.lock("thread");
    const b = replica("b").leases.lock("thread");
    const events: string[] = [];
    const task = (name: string) => async () => {
      events.push(`start ${name}`);
      await sleep(40);
      events.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([a("pr#1", task("a1")), b("pr#1", task("b1")), a("pr#1", task("a2")), b("pr#2", task("b2"))]);
    expect(results).toEqual(["a1", "b1", "a2", "b2"]);
    // On pr#1 every start follows the previous end: never two holders at once.
    const onOne = events.filter((e) => !e.endsWith("b2"));
    for (let i = 0; i < onOne.length; i += 2) {
      expect(onOne[i]!.startsWith("start")).toBe(true);
      expect(onOne[i + 1]).toBe(onOne[i]!.replace("start", "end"));
    }
    expect(events.indexOf("start b2")).toBeLessThan(events.indexOf("end b2") - 1);
    expect(await server.client.keys("t:lease:*")).toEqual([]);
  });

  it("stores the holder in the lease and grants growing fencing tokens", async () => {
    const { leases } = replica("host-a:41");
    const first = await leases.tryLease("sweep:acme/x");
    expect(first).not.toBeNull();
    expect(await server.client.get("t:lease:sweep:acme/x")).toMatch(/^host-a:41 [0-9a-f]{16} 1$/);
    expect(await leases.tryLease("sweep:acme/x")).toBeNull();
    await first!.release();
    const second = await leases.tryLease("sweep:acme/x");
    expect(second!.fence).toBeGreaterThan(first!.fence);
    await second!.release();
  });

  it("renews a lease while its task runs longer than the TTL", async () => {
    const a = replica("a").leases;
    const b = replica("b").leases;
    const outcome = await a.lock("repository")("acme/x", async (lease) => {
      await sleep(1_500);
      const other = await b.tryLease("repository:acme/x");
      await lease.assertHeld();
      return other;
    });
    expect(outcome).toBeNull();
  });

  it("lets a dead replica's lease expire after its TTL, then another replica takes it", async () => {
    const dying = replica("dying");
    const taken = await dying.leases.tryLease("sweep:acme/x");
    expect(taken).not.toBeNull();
    // The replica dies: no renewal reaches Redis any more.
    dying.redis.disconnect();
    const other = replica("other").leases;
    const started = Date.now();
    let lease = await other.tryLease("sweep:acme/x");
    while (!lease) {
      await sleep(20);
      lease = await other.tryLease("sweep:acme/x");
    }
    const waited = Date.now() - started;
    expect(waited).toBeGreaterThan(400);
    expect(waited).toBeLessThan(1_500);
    expect(await server.client.get("t:lease:sweep:acme/x")).toMatch(/^other /);
    await lease.release();
  });

  it("tells when a lease is lost, refuses writes under it, and its release leaves the new holder alone", async () => {
    const lost: string[] = [];
    const { leases } = replica("a", { onLost: (key) => lost.push(key) });
    const lease = await leases.tryLease("thread:acme/x#1");
    // Gone from Redis (as after a stall longer than the TTL): the next renewal notices.
    await server.client.del("t:lease:thread:acme/x#1");
    await sleep(400);
    expect(lost).toEqual(["thread:acme/x#1"]);
    await expect(lease!.assertHeld()).rejects.toBeInstanceOf(LeaseLostError);
    const next = await replica("b").leases.tryLease("thread:acme/x#1");
    expect(next!.fence).toBeGreaterThan(lease!.fence);
    // Compare-and-delete: the old holder's release (its connection is alive) keeps the new lease.
    await lease!.release();
    await next!.assertHeld();
    expect(await server.client.get("t:lease:thread:acme/x#1")).toMatch(/^b /);
    await next!.release();
  });

  it("gives up waiting after waitMs", async () => {
    const holder = replica("a").leases;
    const waiter = replica("b", { waitMs: 300 }).leases;
    const held = await holder.tryLease("repository:acme/x");
    const started = Date.now();
    await expect(waiter.lock("repository")("acme/x", async () => "ran")).rejects.toBeInstanceOf(LockTimeoutError);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    await held!.release();
  });

  it("hands back every lease it holds on releaseAll", async () => {
    const { leases } = replica("a");
    await leases.tryLease("sweep:one");
    await leases.tryLease("sweep:two");
    expect(await server.client.keys("t:lease:*")).toHaveLength(2);
    await leases.releaseAll();
    expect(await server.client.keys("t:lease:*")).toEqual([]);
  });
});
