import { LRUCache } from "lru-cache";
import type { LinkState } from "./types.js";

export interface StateCacheOptions {
  /** How long a state stays fresh, in ms (default 10 minutes). */
  ttlMs?: number;
  /** Most states kept; the least recently used go first. */
  maxEntries?: number;
  /** The clock TTLs are measured with (epoch ms); injectable for tests. */
  now?: () => number;
}

/**
 * Per-link states with a TTL, plus the lookups still in flight, so that concurrent callers asking for
 * the same link share one request instead of sending two.
 */
export class StateCache {
  readonly #states: LRUCache<string, LinkState>;
  readonly #inFlight = new Map<string, Promise<LinkState>>();

  constructor(options: StateCacheOptions = {}) {
    this.#states = new LRUCache<string, LinkState>({
      max: options.maxEntries ?? 50_000,
      ttl: options.ttlMs ?? 10 * 60_000,
      // Wall-clock time, read on every check: lru-cache's default (performance.now(), debounced for
      // 1 ms) is invisible to tests that move the clock.
      perf: { now: options.now ?? (() => Date.now()) },
      ttlResolution: 0,
    });
  }

  get(key: string): LinkState | undefined {
    return this.#states.get(key);
  }

  /** A lookup for `key` already under way, if any. */
  pending(key: string): Promise<LinkState> | undefined {
    return this.#inFlight.get(key);
  }

  /**
   * Registers a lookup under way for `key`; when it settles, a state worth keeping is stored and
   * the in-flight entry removed. Transient failures (`error`) are not cached.
   */
  track(key: string, lookup: Promise<LinkState>): Promise<LinkState> {
    this.#inFlight.set(key, lookup);
    lookup
      .then((state) => {
        if (state.status !== "error") this.#states.set(key, state);
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.#inFlight.get(key) === lookup) this.#inFlight.delete(key);
      });
    return lookup;
  }

  delete(key: string): void {
    this.#states.delete(key);
  }

  get size(): number {
    return this.#states.size;
  }
}

let sharedCache: StateCache | undefined;

/** The process-wide cache, used when a caller does not bring its own. */
export function sharedStateCache(): StateCache {
  sharedCache ??= new StateCache();
  return sharedCache;
}
