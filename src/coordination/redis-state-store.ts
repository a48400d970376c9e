import type { Redis } from "ioredis";
import type { SharedState, SharedStateStore } from "../github/state-cache.js";

/**
 * The resolver's states in Redis, one key per scope and link, expiring with the state: a replica
 * resolving a link spares the others the request for the rest of its TTL.
 */
export function createRedisStateStore(redis: Redis, prefix: string): SharedStateStore {
  const keyOf = (key: string) => `${prefix}state:${key}`;
  return {
    getMany: async (keys) => {
      const values = await redis.mget(keys.map(keyOf));
      return values.map((value) => (value ? parseEntry(value) : null));
    },
    set: async (key, entry) => {
      const ttl = entry.expiresAt - Date.now();
      if (ttl > 0) await redis.set(keyOf(key), JSON.stringify(entry), "PX", ttl);
    },
    delete: async (key) => {
      await redis.del(keyOf(key));
    },
  };
}

function parseEntry(value: string): SharedState | null {
  try {
    const entry = JSON.parse(value) as SharedState;
    return typeof entry.expiresAt === "number" && entry.state ? entry : null;
  } catch {
    return null;
  }
}
