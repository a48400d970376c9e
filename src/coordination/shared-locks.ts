import { createKeyedLock } from "../writes/keyed-lock.js";
import type { KeyedLock, LockName } from "./coordination.js";

/**
 * The write locks every caller uses unless handed one: in this process by default; the app points
 * them at its coordination at start (Redis leases with `REDIS_URL`), as it does with the request queue.
 */
const inProcess = new Map<LockName, KeyedLock>();
let provider: ((name: LockName) => KeyedLock) | undefined;

/** This process's lock of that name: one per process, so every caller waits on the same one. */
export function inProcessLock(name: LockName): KeyedLock {
  let lock = inProcess.get(name);
  if (!lock) inProcess.set(name, (lock = createKeyedLock()));
  return lock;
}

export function sharedLock(name: LockName): KeyedLock {
  return provider ? provider(name) : inProcessLock(name);
}

/** Replaces the process-wide locks (undefined: back to the in-process ones). */
export function useSharedLocks(next: ((name: LockName) => KeyedLock) | undefined): void {
  provider = next;
}
