import { hostname } from "node:os";
import { Redis } from "ioredis";
import { StateCache } from "../github/state-cache.js";
import type { Coordination } from "./coordination.js";
import { createMemoryCoordination, type MemoryState } from "./memory-coordination.js";
import { createRedisCoordination } from "./redis-coordination.js";

export interface CoordinationHooks {
  onCacheLookup?: (hit: boolean) => void;
  onLeaseLost?: (key: string) => void;
  log?: { warn: (fields: object, message: string) => void };
}

/**
 * `REDIS_URL` set: shared with every replica through that Redis (the one Probot's throttling uses);
 * unset: this process alone, as the app always ran. Also read: WRAPUP_LEASE_TTL_MS (default 30000),
 * WRAPUP_LOCK_WAIT_MS (default 600000), WRAPUP_REPLICA_ID (default `<host>:<pid>`).
 */
export function createCoordination(env: NodeJS.ProcessEnv, memory: MemoryState, hooks: CoordinationHooks = {}): Coordination {
  const url = env.REDIS_URL?.trim();
  if (!url) {
    return createMemoryCoordination(memory, { stateCache: new StateCache(hooks.onCacheLookup ? { onLookup: hooks.onCacheLookup } : {}) });
  }
  const redis = new Redis(url, { maxRetriesPerRequest: 3 });
  redis.on("error", throttledWarning(hooks.log));
  return createRedisCoordination({
    redis,
    holder: env.WRAPUP_REPLICA_ID || `${hostname()}:${process.pid}`,
    ...positive("leaseTtlMs", env.WRAPUP_LEASE_TTL_MS),
    ...positive("lockWaitMs", env.WRAPUP_LOCK_WAIT_MS),
    ...(hooks.onCacheLookup ? { onCacheLookup: hooks.onCacheLookup } : {}),
    ...(hooks.onLeaseLost ? { onLeaseLost: hooks.onLeaseLost } : {}),
  });
}

function positive<K extends string>(name: K, raw: string | undefined): Partial<Record<K, number>> {
  const value = Number(raw);
  return raw && Number.isFinite(value) && value > 0 ? ({ [name]: value } as Record<K, number>) : {};
}

/** ioredis reports every failed reconnect; one line per 30 s says enough while Redis is away. */
function throttledWarning(log: CoordinationHooks["log"]): (error: Error) => void {
  let last = 0;
  return (error) => {
    if (Date.now() - last < 30_000) return;
    last = Date.now();
    log?.warn({ err: error }, "Redis unreachable: locks, cooldowns and the sweep schedule wait for it");
  };
}
