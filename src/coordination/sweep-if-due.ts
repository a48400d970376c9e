import type { Coordination } from "./coordination.js";

/** `elsewhere`: another replica sweeps this repository now, or just did. */
export type SweepTurn<T> = { turn: "swept"; result: T } | { turn: "not-due" } | { turn: "elsewhere" };

export interface SweepIfDueOptions<T> {
  /** The app's clock (epoch ms), for the time recorded as this sweep's. */
  now: () => number;
  /** Whether a repository last swept at `last` (undefined: never) is due now. */
  isDue: (last: number | undefined) => Promise<boolean>;
  sweep: () => Promise<T>;
}

/**
 * One sweep per repository per interval, by whichever replica is up: the one that gets the
 * repository's sweep lease sweeps and records the time; the others skip it. A replica that dies
 * mid-sweep records nothing and its lease expires, so the repository is still due for the others.
 */
export async function sweepIfDue<T>(coordination: Coordination, repo: string, options: SweepIfDueOptions<T>): Promise<SweepTurn<T>> {
  const last = await coordination.lastSweep(repo);
  if (!(await options.isDue(last))) return { turn: "not-due" };
  const lease = await coordination.tryLease(`sweep:${repo}`);
  if (!lease) return { turn: "elsewhere" };
  try {
    // Another replica may have finished this repository between our look and our lease.
    if ((await coordination.lastSweep(repo)) !== last) return { turn: "elsewhere" };
    const result = await options.sweep();
    await coordination.recordSweep(repo, options.now());
    return { turn: "swept", result };
  } finally {
    await lease.release();
  }
}
