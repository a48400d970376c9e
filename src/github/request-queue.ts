/**
 * One queue for every GraphQL request the project sends (resolver, writes, sweep), so that GitHub sees
 * one request at a time per installation and the rate-limit budget is shared.
 *
 * Who does what (one layer per concern):
 * - Octokit plugin-throttling (client.ts): REST primary limits (`x-ratelimit-remaining: 0` → wait for
 *   the reset, retry) and REST secondary limits (403/429, `retry-after` else 60 s → retry), within
 *   the run's `WaitLimit`. Its own write spacing is off. For GraphQL it retries nothing: its handlers
 *   answer "no" so the error reaches this queue.
 * - Octokit plugin-retry (client.ts): 5xx and network retries for REST reads and edits; switched off
 *   per request for POSTs that create something (writes/create-once.ts looks before creating again)
 *   and for GraphQL (it would resend a "Something went wrong" query unchanged, which we split).
 * - paceWrites (write-pacing.ts): REST writes, 1 s apart per installation, content creation below
 *   80 a minute and 500 an hour.
 * - This queue, for GraphQL: one request in flight per scope (installation or token) and a global
 *   cap across scopes, request starts `pacingMs` apart (the app: 1 s); pauses a scope when
 *   `rateLimit.remaining` drops below the reserve (default 10% of the limit) until `resetAt`; treats
 *   `RATE_LIMITED` and `RATE_LIMIT` (200 responses, the latter unknown to plugin-throttling) as rate
 *   limits; secondary limits (403/429/200 with `retry-after` or a "secondary rate limit" message)
 *   pause the scope for `retry-after`, else 60 s, then retry; 5xx and network failures retry with
 *   bounded backoff. A wait the run's `WaitLimit` refuses fails the request (kind `rate-limited`)
 *   at once, and every later request of that scope while the pause lasts.
 * - The resolver (resolve-links.ts): "Something went wrong" / timeouts (`query-too-large`) split the
 *   batch in halves and retry them; per-alias NOT_FOUND/FORBIDDEN become per-link states.
 */
import PQueue from "p-queue";
import { GithubError, isSilence, toGithubError } from "./errors.js";
import { readRateLimit, type RateLimitInfo } from "./rate-limit.js";
import { formatResetTime, unlimitedWait, type WaitLimit } from "./wait-limit.js";

export type GraphqlRequest = (query: string, variables?: Record<string, unknown>) => Promise<unknown>;

export interface RequestQueueOptions {
  /** Requests in flight across all scopes. */
  concurrency?: number;
  /** Pause a scope when `remaining` falls below this share of `limit`. */
  reserveRatio?: number;
  /** Minimum spacing between request starts within a scope (Probot spaces GraphQL by 1 s). */
  pacingMs?: number;
  /** Wait when a secondary limit comes without `retry-after`. */
  secondaryFallbackMs?: number;
  /** Waits between retries of 5xx/network failures; its length bounds the retries. */
  serverBackoffMs?: number[];
  /** How often one request may be retried after rate limits (primary or secondary). */
  maxRateLimitRetries?: number;
  /**
   * After a request of a scope got no answer through all its retries (timed out, or nobody
   * listening), the scope's next requests fail at once with the same error for this long (default
   * 60 s), so a run stops in one request's time instead of each batch waiting out its own retries.
   */
  silenceHoldMs?: number;
  /**
   * How long one request may spend on attempts GitHub left unanswered, retries and their backoff
   * included (default 75 s): a timed-out read is retried only while one more attempt of the same
   * length still fits, so a silent GitHub stops a run in about two timeouts, not one per retry.
   */
  silentBudgetMs?: number;
  /** Told once per wait (for logs): why, and until when the scope waits. */
  onRetry?: (event: RetryEvent) => void;
  /** How long waits for rate limits may last, all together (the CLI's `--max-wait`); default: as GitHub asks. */
  waitLimit?: WaitLimit;
}

export interface RetryEvent {
  scope: string;
  kind: GithubError["kind"];
  /** Epoch ms when the retry may start. */
  retryAt: number;
}

/** One request's time on attempts GitHub left unanswered: all of them (backoff included), and the last one. */
interface SilentTime {
  spentMs: number;
  lastMs: number;
}

interface ScopeState {
  queue: PQueue;
  pausedUntil: number;
  lastStart: number;
  lastResetAt?: number;
  /** The latest `retryAt` told to `onRetry`, so one wait is logged once. */
  announcedUntil: number;
  /** Which limit the current pause is for. */
  pauseKind: "rate-limited" | "secondary-rate-limited";
  /** GitHub's last silence in this scope and until when it answers the scope's requests. */
  silence?: { error: GithubError; until: number };
}

export interface RequestQueue {
  run<T>(scope: string, task: () => Promise<T>): Promise<T>;
  /** Tells the queue what GitHub said about the budget, so it can pause the scope. */
  noteRateLimit(scope: string, info: RateLimitInfo | undefined): void;
  /** Epoch ms until which the scope waits (0 when it does not). */
  pausedUntil(scope: string): number;
}

/** Waits `ms`; no timer at all when there is nothing to wait for (the common case). */
const sleep = async (ms: number) => {
  if (ms > 0) await new Promise<void>((resolve) => setTimeout(resolve, ms));
};

export function createRequestQueue(options: RequestQueueOptions = {}): RequestQueue {
  const settings = {
    reserveRatio: options.reserveRatio ?? 0.1,
    pacingMs: options.pacingMs ?? 0,
    secondaryFallbackMs: options.secondaryFallbackMs ?? 60_000,
    serverBackoffMs: options.serverBackoffMs ?? [1_000, 2_000, 4_000],
    maxRateLimitRetries: options.maxRateLimitRetries ?? 3,
    silenceHoldMs: options.silenceHoldMs ?? 60_000,
    silentBudgetMs: options.silentBudgetMs ?? 75_000,
  };
  const waitLimit = options.waitLimit ?? unlimitedWait;
  const global = new PQueue({ concurrency: options.concurrency ?? 8 });
  const scopes = new Map<string, ScopeState>();

  const scopeOf = (scope: string): ScopeState => {
    let state = scopes.get(scope);
    if (!state) {
      state = { queue: new PQueue({ concurrency: 1 }), pausedUntil: 0, lastStart: -Infinity, announcedUntil: 0, pauseKind: "rate-limited" };
      scopes.set(scope, state);
    }
    return state;
  };

  const pause = (state: ScopeState, until: number, kind: ScopeState["pauseKind"]) => {
    if (until > state.pausedUntil) state.pauseKind = kind;
    state.pausedUntil = Math.max(state.pausedUntil, until);
  };

  const announce = (scope: string, state: ScopeState, kind: GithubError["kind"], retryAt: number) => {
    if (retryAt <= state.announcedUntil) return;
    state.announcedUntil = retryAt;
    options.onRetry?.({ scope, kind, retryAt });
  };

  /** A pause the run may not wait for ends the request now, with the limit and its reset. */
  const refuseUnlessAllowed = (state: ScopeState, kind: "rate-limited" | "secondary-rate-limited") => {
    if (state.pausedUntil <= Date.now()) return;
    const limit = kind === "rate-limited" ? "GraphQL rate limit" : "secondary rate limit";
    if (waitLimit.allow({ limit, until: state.pausedUntil })) return;
    throw new GithubError(kind, `GitHub's ${limit} is used up until ${formatResetTime(state.pausedUntil)}`, { resetAt: state.pausedUntil });
  };

  const waitTurn = async (scope: string, state: ScopeState) => {
    if (state.pausedUntil > Date.now()) {
      refuseUnlessAllowed(state, state.pauseKind);
      announce(scope, state, state.pauseKind, state.pausedUntil);
    }
    await sleep(state.pausedUntil - Date.now());
    await sleep(state.lastStart + settings.pacingMs - Date.now());
    state.lastStart = Date.now();
  };

  /** Decides, for one failure, how long to wait before retrying; undefined means give up. */
  const retryDelay = (state: ScopeState, error: GithubError, attempt: number, limited: number, silent: SilentTime) => {
    if (error.kind === "rate-limited" && limited < settings.maxRateLimitRetries) {
      const resetAt = error.details.resetAt ?? state.lastResetAt ?? Date.now() + settings.secondaryFallbackMs;
      pause(state, resetAt, "rate-limited");
      return 0;
    }
    if (error.kind === "secondary-rate-limited" && limited < settings.maxRateLimitRetries) {
      const wait = error.details.retryAfterSeconds ? error.details.retryAfterSeconds * 1000 : settings.secondaryFallbackMs;
      pause(state, Date.now() + wait, "secondary-rate-limited");
      return 0;
    }
    // A timeout is retried like a 5xx (within the same bounded backoff), while another attempt as
    // long as the last fits the silent budget; nobody listening is not retried.
    if (error.kind === "server" && attempt < settings.serverBackoffMs.length) return settings.serverBackoffMs[attempt];
    if (error.kind === "timeout" && attempt < settings.serverBackoffMs.length) {
      const delay = settings.serverBackoffMs[attempt]!;
      return silent.spentMs + delay + silent.lastMs <= settings.silentBudgetMs ? delay : undefined;
    }
    return undefined;
  };

  const attemptAll = async <T>(scope: string, state: ScopeState, task: () => Promise<T>): Promise<T> => {
    let serverAttempts = 0;
    let limited = 0;
    const silent: SilentTime = { spentMs: 0, lastMs: 0 };
    for (;;) {
      if (state.silence && state.silence.until > Date.now()) throw state.silence.error;
      await waitTurn(scope, state);
      const started = Date.now();
      try {
        const result = await global.add(task);
        state.silence = undefined;
        return result;
      } catch (raw) {
        const error = toGithubError(raw);
        if (error.kind === "timeout") {
          silent.lastMs = Date.now() - started;
          silent.spentMs += silent.lastMs;
        }
        const delay = retryDelay(state, error, serverAttempts, limited, silent);
        if (delay === undefined) {
          if (isSilence(error)) state.silence = { error, until: Date.now() + settings.silenceHoldMs };
          throw error;
        }
        if (error.kind === "server" || error.kind === "timeout") serverAttempts += 1;
        else limited += 1;
        announce(scope, state, error.kind, Math.max(Date.now() + delay, state.pausedUntil));
        if (error.kind === "timeout") silent.spentMs += delay;
        await sleep(delay);
      }
    }
  };

  return {
    run: (scope, task) => {
      const state = scopeOf(scope);
      return state.queue.add(() => attemptAll(scope, state, task));
    },
    noteRateLimit: (scope, info) => {
      if (!info) return;
      const state = scopeOf(scope);
      state.lastResetAt = info.resetAt;
      if (info.remaining < info.limit * settings.reserveRatio) pause(state, info.resetAt, "rate-limited");
    },
    pausedUntil: (scope) => scopes.get(scope)?.pausedUntil ?? 0,
  };
}

let sharedQueue: RequestQueue | undefined;

/** The process-wide queue, used when a caller does not bring its own. */
export function sharedRequestQueue(): RequestQueue {
  sharedQueue ??= createRequestQueue();
  return sharedQueue;
}

/** Replaces the process-wide queue (the app does this once at start, to log its waits). */
export function useSharedRequestQueue(queue: RequestQueue): void {
  sharedQueue = queue;
}

export interface QueueGraphqlOptions {
  /** Installation id or token owner: requests in one scope run one at a time. */
  scope?: string;
  queue?: RequestQueue;
}

/**
 * Wraps a GraphQL function (same shape as `octokit.graphql`) so every call goes through the queue.
 * Failures come out as `GithubError`; a `partial` one carries GitHub's data and per-alias errors.
 */
export function queueGraphql(graphql: GraphqlRequest, options: QueueGraphqlOptions = {}): GraphqlRequest {
  const scope = options.scope ?? "default";
  const queue = options.queue ?? sharedRequestQueue();
  const once = async (query: string, variables?: Record<string, unknown>) => {
    try {
      const data = await graphql(query, variables);
      queue.noteRateLimit(scope, readRateLimit(data));
      return data;
    } catch (raw) {
      const error = toGithubError(raw);
      queue.noteRateLimit(scope, readRateLimit(error.details.data));
      throw error;
    }
  };
  const queued: GraphqlRequest = (query, variables) => queue.run(scope, () => once(query, variables));
  QUEUED.add(queued);
  return queued;
}

const QUEUED = new WeakSet<GraphqlRequest>();

/** True for functions `queueGraphql` made: queueing them again would wait on their own scope slot. */
export function isQueued(graphql: GraphqlRequest): boolean {
  return QUEUED.has(graphql);
}
