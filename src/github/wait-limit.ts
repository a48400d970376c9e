/**
 * How long a run may wait for GitHub's limits, all waits together. The server waits as long as
 * GitHub asks (it has time: `unlimitedWait`); a CLI or Action sweep waits at most `--max-wait`, then
 * stops and says which limit stopped it and when it resets. Overlapping waits (every queued request
 * waiting for the same reset) count once.
 */
export type LimitName = "GraphQL rate limit" | "REST rate limit" | "secondary rate limit";

export interface LimitHit {
  limit: LimitName;
  /** Epoch ms when the limit lets requests through again. */
  until: number;
}

export interface WaitLimit {
  /** True when the run may wait for `hit` (the wait is counted); false, and `refused` remembers it, when not. */
  allow(hit: LimitHit): boolean;
  /** The first limit the run would not wait for, if any. */
  readonly refused: LimitHit | null;
}

export function createWaitLimit(maxMs: number, now: () => number = Date.now): WaitLimit {
  let waitedMs = 0;
  let grantedUntil = 0;
  let refused: LimitHit | null = null;
  return {
    allow(hit) {
      const extra = Math.max(0, hit.until - Math.max(now(), grantedUntil));
      if (waitedMs + extra > maxMs) {
        refused ??= hit;
        return false;
      }
      waitedMs += extra;
      grantedUntil = Math.max(grantedUntil, hit.until);
      return true;
    },
    get refused() {
      return refused;
    },
  };
}

/** The server's: every wait is allowed. */
export const unlimitedWait: WaitLimit = { allow: () => true, refused: null };

/** `2026-11-21 13:05 UTC`: how a reset time is told to a person. */
export function formatResetTime(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
