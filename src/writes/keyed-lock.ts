/**
 * Runs tasks one at a time per key, in arrival order, within this process. Two webhook deliveries
 * for the same pull request (opened + synchronize arriving together) then never race between
 * "find our comment" and "create it". Keys without waiting work are dropped, so memory stays flat.
 */
export function createKeyedLock(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return async function withLock<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(task, task);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    try {
      return await run;
    } finally {
      if (tails.get(key) === tail) tails.delete(key);
    }
  };
}
