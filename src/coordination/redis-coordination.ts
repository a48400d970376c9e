import type { Redis } from "ioredis";
import { StateCache } from "../github/state-cache.js";
import type { Coordination, CooldownClaim } from "./coordination.js";
import { createRedisLeases } from "./redis-leases.js";
import { createRedisStateStore } from "./redis-state-store.js";

export interface RedisCoordinationOptions {
  redis: Redis;
  /** Prefix of every key this app writes (Probot's throttling keeps its own `b_` keys). */
  prefix?: string;
  /** Who this replica is (`host:pid`), written into the leases it holds. */
  holder: string;
  /** Lease lifetime without renewal (default 30 s). */
  leaseTtlMs?: number;
  /** Longest wait for a write lock (default 10 minutes: a sweep paused by a rate limit holds its lock). */
  lockWaitMs?: number;
  /** Told on every state-cache lookup whether it hit. */
  onCacheLookup?: (hit: boolean) => void;
  onLeaseLost?: (key: string) => void;
}

/** Last sweep times are kept a month: older ones mean "due" anyway for any sensible `everyHours`. */
const LAST_SWEEP_TTL_MS = 30 * 24 * 3_600_000;

/** Everything replicas share, in one Redis (the one Probot's throttling uses). */
export function createRedisCoordination(options: RedisCoordinationOptions): Coordination {
  const { redis } = options;
  const prefix = options.prefix ?? "wrapup-tracker:";
  const leases = createRedisLeases({
    redis,
    prefix,
    holder: options.holder,
    ttlMs: options.leaseTtlMs ?? 30_000,
    waitMs: options.lockWaitMs ?? 600_000,
    ...(options.onLeaseLost ? { onLost: options.onLeaseLost } : {}),
  });
  return {
    kind: "redis",
    lock: (name) => leases.lock(name),
    tryLease: (key) => leases.tryLease(key),
    claimCooldown: (key, ms) => claimCooldown(redis, `${prefix}cooldown:${key}`, ms),
    lastSweep: async (repo) => {
      const value = await redis.get(`${prefix}last-sweep:${repo}`);
      return value === null ? undefined : Number(value);
    },
    recordSweep: async (repo, at) => {
      await redis.set(`${prefix}last-sweep:${repo}`, String(at), "PX", LAST_SWEEP_TTL_MS);
    },
    stateCache: new StateCache({
      shared: createRedisStateStore(redis, prefix),
      ...(options.onCacheLookup ? { onLookup: options.onCacheLookup } : {}),
    }),
    close: async () => {
      await leases.releaseAll();
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}

/** `SET NX PX`: the first replica to ask gets the period; the others learn how long is left. */
async function claimCooldown(redis: Redis, key: string, ms: number): Promise<CooldownClaim> {
  if (ms <= 0) return { claimed: true };
  // Twice at most: the key may expire between a failed SET and the PTTL that follows it.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if ((await redis.set(key, String(Date.now()), "PX", ms, "NX")) === "OK") return { claimed: true };
    const left = await redis.pttl(key);
    if (left > 0) return { claimed: false, retryInMs: left };
  }
  return { claimed: false, retryInMs: ms };
}
