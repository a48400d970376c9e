import type { KeyedLock, LockName } from "../coordination/coordination.js";
import { observeLockWait } from "./metrics.js";

/** The coordination's locks, each wait timed from the call to the start of the task. */
export function timeLockWaits(lock: (name: LockName) => KeyedLock): (name: LockName) => KeyedLock {
  const timed = new Map<LockName, KeyedLock>();
  return (name) => {
    let wrapped = timed.get(name);
    if (!wrapped) {
      const inner = lock(name);
      wrapped = (key, task) => {
        const asked = performance.now();
        return inner(key, (lease) => {
          observeLockWait(name, (performance.now() - asked) / 1000);
          return task(lease);
        });
      };
      timed.set(name, wrapped);
    }
    return wrapped;
  };
}
