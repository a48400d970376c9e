/**
 * Live state of every work-item link: deduplicate → cache → batch → queue → map.
 * Never fails as a whole: every link gets a state, `missing`, `forbidden` or `error` included.
 */
import type { Link } from "../wrapup/types.js";
import { toGithubError } from "./errors.js";
import { collectTargets, type LinkTarget } from "./link-targets.js";
import { mapBatch } from "./map-batch.js";
import { DEFAULT_BATCH_LIMITS, planBatches, splitBatch, type BatchLimits } from "./plan-batches.js";
import { buildBatchQuery } from "./queries/build-batch-query.js";
import { readRateLimit } from "./rate-limit.js";
import { isQueued, queueGraphql, type GraphqlRequest, type RequestQueue } from "./request-queue.js";
import { sharedStateCache, type StateCache } from "./state-cache.js";
import type { LinkState, ResolvedStates, ResolveStats } from "./types.js";

export type { GraphqlRequest } from "./request-queue.js";

export interface ResolveOptions {
  /** `octokit.graphql`; resolveLinks queues it (a function `queueGraphql` made is used as is). */
  graphql: GraphqlRequest;
  /** Installation id or token owner: requests of one scope run one at a time. */
  scope?: string;
  /** Ask GitHub even for links whose state is cached (`/refresh`). */
  bypassCache?: boolean;
  /** Defaults to the process-wide queue. */
  queue?: RequestQueue;
  /** Defaults to the process-wide cache (entries kept per scope); `null` caches nothing. */
  cache?: StateCache | null;
  /** Logins whose comments and reviews never count as human activity (this app's bot), besides all bots. */
  ignoreLogins?: string[];
  batchLimits?: BatchLimits;
}

export interface ResolveResult {
  states: ResolvedStates;
  stats: ResolveStats;
}

interface Context {
  graphql: GraphqlRequest;
  ignoreLogins: ReadonlySet<string>;
}

function errorStates(batch: readonly LinkTarget[], message: string): Map<string, LinkState> {
  return new Map(batch.map((t) => [t.key, { type: t.kind, status: "error", message } satisfies LinkState]));
}

/** One batch; when GitHub gives up on it ("something went wrong", timeout, 5xx), its halves, recursively. */
async function fetchBatch(batch: readonly LinkTarget[], context: Context): Promise<Map<string, LinkState>> {
  const options = { ignoreLogins: context.ignoreLogins };
  try {
    return mapBatch(batch, await context.graphql(buildBatchQuery(batch)), [], options);
  } catch (raw) {
    const error = toGithubError(raw);
    if (error.kind === "partial") return mapBatch(batch, error.details.data, error.details.errors ?? [], options);
    // A 5xx that outlived the queue's retries is most often GitHub timing out on a heavy query.
    const splittable = error.kind === "query-too-large" || error.kind === "server";
    if (!splittable || batch.length < 2) return errorStates(batch, error.message);
    const [first, second] = splitBatch(batch);
    const halves = await Promise.all([fetchBatch(first, context), fetchBatch(second, context)]);
    return new Map([...halves[0], ...halves[1]]);
  }
}

/** Counts requests and points of every attempt, retries and split halves included. */
function countingGraphql(graphql: GraphqlRequest, stats: ResolveStats): GraphqlRequest {
  return async (query, variables) => {
    stats.graphqlRequests += 1;
    try {
      const data = await graphql(query, variables);
      stats.points += readRateLimit(data)?.cost ?? 0;
      return data;
    } catch (raw) {
      stats.points += readRateLimit(toGithubError(raw).details.data)?.cost ?? 0;
      throw raw;
    }
  };
}

/**
 * Cache entries are per scope: what one installation may see (a private repository) must never be
 * served to another.
 */
function cacheKey(options: ResolveOptions, target: LinkTarget): string {
  return `${options.scope ?? "default"} ${target.key}`;
}

function deferred(): { promise: Promise<LinkState>; resolve: (state: LinkState) => void } {
  let resolve!: (state: LinkState) => void;
  const promise = new Promise<LinkState>((r) => (resolve = r));
  return { promise, resolve };
}

/** Fetches targets in planned batches, settling every target's promise whatever happens. */
async function fetchTargets(targets: LinkTarget[], options: ResolveOptions, context: Context, cache: StateCache | null) {
  const pending = new Map(targets.map((t) => [t.key, deferred()]));
  for (const t of targets) cache?.track(cacheKey(options, t), pending.get(t.key)!.promise);
  const batches = planBatches(targets, options.batchLimits ?? DEFAULT_BATCH_LIMITS);
  await Promise.all(
    batches.map(async (batch) => {
      const states = await fetchBatch(batch, context).catch((raw) => errorStates(batch, toGithubError(raw).message));
      for (const t of batch) pending.get(t.key)!.resolve(states.get(t.key) ?? { type: t.kind, status: "error", message: "no answer" });
    }),
  );
  return Promise.all(targets.map(async (t) => [t.key, await pending.get(t.key)!.promise] as const));
}

export async function resolveLinks(links: readonly Link[], options: ResolveOptions): Promise<ResolveResult> {
  const started = Date.now();
  const stats: ResolveStats = { graphqlRequests: 0, points: 0, restRequests: 0, cacheHits: 0, ms: 0 };
  const cache = options.cache === undefined ? sharedStateCache() : options.cache;
  const states: ResolvedStates = new Map();
  const shared: Promise<void>[] = [];
  const toFetch: LinkTarget[] = [];
  const targets = collectTargets(links);
  // States other replicas resolved (Redis), loaded in one round trip before deciding what to ask.
  if (cache?.isShared && !options.bypassCache) await cache.warm(targets.map((t) => cacheKey(options, t)));
  for (const target of targets) {
    const cached = options.bypassCache ? undefined : cache?.get(cacheKey(options, target));
    const inFlight = options.bypassCache ? undefined : cache?.pending(cacheKey(options, target));
    if (cached) states.set(target.key, cached);
    else if (inFlight) shared.push(inFlight.then((state) => void states.set(target.key, state)));
    else toFetch.push(target);
    if (cached || inFlight) stats.cacheHits += 1;
  }
  const counted = countingGraphql(options.graphql, stats);
  const graphql = isQueued(options.graphql) ? counted : queueGraphql(counted, { scope: options.scope, queue: options.queue });
  const context = { graphql, ignoreLogins: new Set((options.ignoreLogins ?? []).map((l) => l.toLowerCase())) };
  const fetched = await fetchTargets(toFetch, options, context, cache);
  await Promise.all(shared);
  for (const [key, state] of fetched) states.set(key, state);
  stats.ms = Date.now() - started;
  return { states, stats };
}
