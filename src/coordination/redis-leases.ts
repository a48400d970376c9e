/**
 * Leases in Redis: `SET NX PX` with a value only this holder knows, renewed while the task runs,
 * released by compare-and-delete. A replica that dies stops renewing, so its leases expire after
 * `ttlMs` and another replica takes over. Not `redlock`: its quorum over several Redis servers
 * brings nothing with one Redis, and its last release is a beta from 2022. One Redis, not a cluster
 * (a lease and its fence counter are two keys in one script).
 */
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { LeaseLostError, LockTimeoutError, type HeldLease, type KeyedLock, type Lease } from "./coordination.js";

// KEYS[1] lease, KEYS[2] fence counter; ARGV[1] holder, ARGV[2] TTL, ARGV[3] counter TTL (ms).
// The counter grows with every grant: the fencing token. It expires long after any lease could.
const ACQUIRE = `if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
local fence = redis.call('INCR', KEYS[2])
redis.call('PEXPIRE', KEYS[2], ARGV[3])
redis.call('SET', KEYS[1], ARGV[1] .. ' ' .. fence, 'PX', ARGV[2])
return fence`;
const EXTEND = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

const FENCE_TTL_MS = 7 * 24 * 3_600_000;

export interface RedisLeaseOptions {
  redis: Redis;
  /** Prefix of every key, e.g. `wrapup-tracker:`. */
  prefix: string;
  /** Who holds a lease (`host:pid`): the first word of its value, for operators and tests. */
  holder: string;
  /** Lease lifetime without renewal: how long a dead replica's lease blocks the others. */
  ttlMs: number;
  /** Longest wait for a lock before giving up with `LockTimeoutError`. */
  waitMs: number;
  /** Told when a lease could not be renewed (it expired: Redis unreachable, or the process stalled). */
  onLost?: (key: string) => void;
}

export interface RedisLeases {
  /** Locks whose keys are `<namespace>:<key>`. */
  lock(namespace: string): KeyedLock;
  tryLease(key: string): Promise<HeldLease | null>;
  /** Hands back every lease this process still holds. */
  releaseAll(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createRedisLeases(options: RedisLeaseOptions): RedisLeases {
  const held = new Set<RedisLease>();

  const tryLease = async (key: string): Promise<HeldLease | null> => {
    const holder = `${options.holder} ${randomBytes(8).toString("hex")}`;
    const redisKey = `${options.prefix}lease:${key}`;
    const fence = Number(await options.redis.eval(ACQUIRE, 2, redisKey, `${options.prefix}fence:${key}`, holder, options.ttlMs, FENCE_TTL_MS));
    if (!fence) return null;
    const lease = new RedisLease(options, key, redisKey, `${holder} ${fence}`, fence, () => held.delete(lease));
    held.add(lease);
    return lease;
  };

  const waitForLease = async (key: string): Promise<HeldLease> => {
    const started = Date.now();
    // Short polls first (a status comment takes a few hundred ms), then at most 5 per second.
    for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
      const lease = await tryLease(key);
      if (lease) return lease;
      if (Date.now() - started >= options.waitMs) throw new LockTimeoutError(key, Date.now() - started);
      await sleep(delay * (0.5 + Math.random()));
    }
  };

  return {
    lock: (namespace) =>
      async function withLease<T>(key: string, task: (lease: Lease) => Promise<T>): Promise<T> {
        const lease = await waitForLease(`${namespace}:${key}`);
        try {
          return await task(lease);
        } finally {
          await lease.release();
        }
      },
    tryLease,
    releaseAll: async () => {
      await Promise.all([...held].map((lease) => lease.release()));
    },
  };
}

class RedisLease implements HeldLease {
  #lost = false;
  #released = false;
  #renewedAt = Date.now();
  readonly #timer: NodeJS.Timeout;

  constructor(
    private readonly options: RedisLeaseOptions,
    readonly key: string,
    private readonly redisKey: string,
    private readonly value: string,
    readonly fence: number,
    private readonly forget: () => void,
  ) {
    // Renewed at a third of its life: two renewals may fail (a Redis hiccup) before it expires.
    this.#timer = setInterval(() => void this.#renew(), Math.max(Math.floor(options.ttlMs / 3), 10));
    this.#timer.unref();
  }

  async #renew(): Promise<void> {
    if (this.#lost || this.#released) return;
    try {
      const extended = await this.options.redis.eval(EXTEND, 1, this.redisKey, this.value, this.options.ttlMs);
      if (Number(extended) === 1) this.#renewedAt = Date.now();
      else this.#markLost();
    } catch {
      if (Date.now() - this.#renewedAt >= this.options.ttlMs) this.#markLost();
    }
  }

  #markLost(): void {
    if (this.#lost || this.#released) return;
    this.#lost = true;
    clearInterval(this.#timer);
    this.options.onLost?.(this.key);
  }

  async assertHeld(): Promise<void> {
    if (!this.#lost && (await this.options.redis.get(this.redisKey)) === this.value) return;
    this.#markLost();
    throw new LeaseLostError(this.key);
  }

  async release(): Promise<void> {
    if (this.#released) return;
    this.#released = true;
    clearInterval(this.#timer);
    this.forget();
    // Compare-and-delete: a lease that expired and went to another replica is left to it.
    // When Redis cannot be reached the lease simply expires.
    await this.options.redis.eval(RELEASE, 1, this.redisKey, this.value).catch(() => undefined);
  }
}
