import type { StateCache } from "../github/state-cache.js";
import type { Coordination, CooldownClaim, HeldLease } from "./coordination.js";
import { inProcessLock } from "./shared-locks.js";

/** The state one replica keeps for itself: last `/refresh` per thread, last sweep per repository. */
export interface MemoryState {
  lastRefresh: Map<string, number>;
  lastSweep: Map<string, number>;
}

/** Leases taken with `tryLease` in this process (the sweep of a repository while it runs). */
const heldKeys = new Set<string>();
let grants = 0;

/**
 * Everything in this process: what the app always did, and the default without `REDIS_URL`.
 * The maps are the caller's, so handlers and tests see the same cooldowns and sweep times.
 */
export function createMemoryCoordination(
  state: MemoryState = { lastRefresh: new Map(), lastSweep: new Map() },
  options: { stateCache?: StateCache } = {},
): Coordination {
  return {
    kind: "memory",
    ...(options.stateCache ? { stateCache: options.stateCache } : {}),
    lock: inProcessLock,
    tryLease: async (key) => takeLease(key),
    // Wall time, not the app's clock: a clock frozen by WRAPUP_NOW would make the cooldown last forever.
    claimCooldown: async (key, ms) => claim(state.lastRefresh, key, ms, Date.now()),
    lastSweep: async (repo) => state.lastSweep.get(repo),
    recordSweep: async (repo, at) => void state.lastSweep.set(repo, at),
    close: async () => undefined,
  };
}

/** Claims older than the longest period anyone asks for (a day: `cooldownSeconds` at most) are forgotten. */
const LONGEST_CLAIM_MS = 86_400_000;
/** Past this many keys (refusal budgets are per user and thread: strangers can add many), old ones are pruned. */
const PRUNE_ABOVE = 10_000;

function claim(last: Map<string, number>, key: string, ms: number, now: number): CooldownClaim {
  if (last.size > PRUNE_ABOVE) for (const [old, at] of last) if (now - at >= LONGEST_CLAIM_MS) last.delete(old);
  const previous = last.get(key);
  if (previous !== undefined && now - previous < ms) return { claimed: false, retryInMs: ms - (now - previous) };
  last.set(key, now);
  return { claimed: true };
}

function takeLease(key: string): HeldLease | null {
  if (heldKeys.has(key)) return null;
  heldKeys.add(key);
  let released = false;
  return {
    key,
    fence: ++grants,
    assertHeld: async () => undefined,
    release: async () => {
      if (!released) heldKeys.delete(key);
      released = true;
    },
  };
}
