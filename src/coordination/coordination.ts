/**
 * What replicas must agree on, behind one interface: write locks, the `/refresh` cooldown, the
 * sweep schedule and the resolver's cache. `memory-coordination.ts` keeps it all in this process
 * (one replica: the default); `redis-coordination.ts` shares it through Redis (`REDIS_URL`).
 */
import type { StateCache } from "../github/state-cache.js";

/** A lease held on a key. In memory it is never lost; in Redis it expires unless renewed. */
export interface Lease {
  readonly key: string;
  /**
   * Fencing token: grows with every grant of this key, so a later holder always has a larger one.
   * Logged with writes; GitHub cannot check it, hence `assertHeld` before each write.
   */
  readonly fence: number;
  /** Throws `LeaseLostError` when the lease is no longer ours (it expired, maybe another replica has it). */
  assertHeld(): Promise<void>;
}

/** A lease taken with `tryLease`: the caller releases it. */
export interface HeldLease extends Lease {
  release(): Promise<void>;
}

/** Which lock: per thread (status comment of one PR or issue) or per repository (its sweep). */
export type LockName = "thread" | "repository";

/** Runs `task` while holding the lease on `key`, waiting for it first; releases it after. */
export type KeyedLock = <T>(key: string, task: (lease: Lease) => Promise<T>) => Promise<T>;

export type CooldownClaim = { claimed: true } | { claimed: false; retryInMs: number };

export interface Coordination {
  readonly kind: "memory" | "redis";
  lock(name: LockName): KeyedLock;
  /** Takes the lease on `key` if nobody holds it, else null (never waits). */
  tryLease(key: string): Promise<HeldLease | null>;
  /** Claims `key` for `ms` (the `/refresh` cooldown): at most one claim succeeds per period. */
  claimCooldown(key: string, ms: number): Promise<CooldownClaim>;
  /** When the repository (`owner/repo`, lower case) was last swept (epoch ms), if known. */
  lastSweep(repo: string): Promise<number | undefined>;
  recordSweep(repo: string, at: number): Promise<void>;
  /** The resolver's cache to use; undefined: the process-wide one. */
  readonly stateCache?: StateCache;
  /** Hands back every lease still held and disconnects (graceful shutdown). */
  close(): Promise<void>;
}

export class LeaseLostError extends Error {
  override readonly name = "LeaseLostError";
  constructor(readonly key: string) {
    super(`lease on ${key} lost: another replica may hold it now`);
  }
}

export class LockTimeoutError extends Error {
  override readonly name = "LockTimeoutError";
  constructor(readonly key: string, readonly waitedMs: number) {
    super(`gave up waiting for the lock on ${key} after ${waitedMs} ms`);
  }
}
