import { LRUCache } from "lru-cache";
import type { LinkState } from "./types.js";

/** A state as replicas share it: the state and when it stops being fresh (epoch ms). */
export interface SharedState {
  state: LinkState;
  expiresAt: number;
}

/** Where replicas share states (Redis); this cache stays the fast path in front of it. */
export interface SharedStateStore {
  /** The entries stored under `keys`, null where none. */
  getMany(keys: string[]): Promise<(SharedState | null)[]>;
  set(key: string, entry: SharedState): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface StateCacheOptions {
  /** How long a state stays fresh, in ms (default 10 minutes). */
  ttlMs?: number;
  /** Most states kept; the least recently used go first. */
  maxEntries?: number;
  /** The clock TTLs are measured with (epoch ms); injectable for tests. */
  now?: () => number;
  /** States shared with other replicas (same TTL); none by default. */
  shared?: SharedStateStore;
  /** Told on every lookup whether it hit (for metrics). */
  onLookup?: (hit: boolean) => void;
}

/**
 * Per-link states with a TTL, plus the lookups still in flight, so that concurrent callers asking for
 * the same link share one request instead of sending two. With a shared store, states one replica
 * resolved are loaded (`warm`) by the others before they ask GitHub.
 */
export class StateCache {
  readonly #states: LRUCache<string, LinkState>;
  readonly #inFlight = new Map<string, Promise<LinkState>>();
  readonly #ttlMs: number;
  readonly #now: () => number;
  readonly #shared: SharedStateStore | undefined;
  readonly #onLookup: ((hit: boolean) => void) | undefined;

  constructor(options: StateCacheOptions = {}) {
    this.#ttlMs = options.ttlMs ?? 10 * 60_000;
    this.#now = options.now ?? (() => Date.now());
    this.#shared = options.shared;
    this.#onLookup = options.onLookup;
    this.#states = new LRUCache<string, LinkState>({
      max: options.maxEntries ?? 50_000,
      ttl: this.#ttlMs,
      // Wall-clock time, read on every check: lru-cache's default (performance.now(), debounced for
      // 1 ms) is invisible to tests that move the clock.
      perf: { now: this.#now },
      ttlResolution: 0,
    });
  }

  get(key: string): LinkState | undefined {
    const state = this.#states.get(key);
    this.#onLookup?.(state !== undefined);
    return state;
  }

  /** True when states are shared with other replicas: call `warm` before `get`. */
  get isShared(): boolean {
    return this.#shared !== undefined;
  }

  /**
   * Loads, in one round trip, the states other replicas stored for keys this one lacks, each kept
   * for what is left of its TTL. A store that fails is skipped: GitHub is asked instead.
   */
  async warm(keys: readonly string[]): Promise<void> {
    if (!this.#shared) return;
    const missing = [...new Set(keys)].filter((key) => !this.#states.has(key) && !this.#inFlight.has(key));
    if (missing.length === 0) return;
    const entries = await this.#shared.getMany(missing).catch(() => []);
    const now = this.#now();
    missing.forEach((key, index) => {
      const entry = entries[index];
      if (entry && entry.expiresAt > now) this.#states.set(key, entry.state, { ttl: entry.expiresAt - now });
    });
  }

  /** A lookup for `key` already under way, if any. */
  pending(key: string): Promise<LinkState> | undefined {
    return this.#inFlight.get(key);
  }

  /**
   * Registers a lookup under way for `key`; when it settles, a state worth keeping is stored (and
   * shared) and the in-flight entry removed. Transient failures (`error`) are not cached.
   */
  track(key: string, lookup: Promise<LinkState>): Promise<LinkState> {
    this.#inFlight.set(key, lookup);
    lookup
      .then((state) => {
        if (state.status === "error") return;
        this.#states.set(key, state);
        void this.#shared?.set(key, { state, expiresAt: this.#now() + this.#ttlMs }).catch(() => undefined);
      })
      .catch(() => undefined)
      .finally(() => {
        if (this.#inFlight.get(key) === lookup) this.#inFlight.delete(key);
      });
    return lookup;
  }

  delete(key: string): void {
    this.#states.delete(key);
    void this.#shared?.delete(key).catch(() => undefined);
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
