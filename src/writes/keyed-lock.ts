import type { KeyedLock, Lease } from "../coordination/coordination.js";

/**
 * Runs tasks one at a time per key, in arrival order, within this process. Two webhook deliveries
 * for the same pull request (opened + synchronize arriving together) then never race between
 * "find our comment" and "create it". Keys without waiting work are dropped, so memory stays flat.
 * Its leases are never lost: nothing else can take them while this process runs.
 */
export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  let grants = 0;
  return async function withLock<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const start = () => task({ key, fence: ++grants, assertHeld: async () => undefined });
    const run = previous.then(start, start);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
