/**
 * The only place Octokits are built: `createOctokit` for CLIs and scripts, `AppOctokit` for Probot.
 * Layering (see request-queue.ts for the whole picture): the throttling and retry plugins own REST
 * limits and retries, except that creates are never replayed blindly (`retryPolicy`); `paceWrites`
 * paces REST writes; for GraphQL the request queue owns pacing, limits and retries.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Octokit as Core } from "@octokit/core";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";
import { formatResetTime, unlimitedWait, type LimitName, type WaitLimit } from "./wait-limit.js";
import { silenceOf } from "./errors.js";
import { trackGithubClock } from "./github-clock.js";
import { fetchWithTimeout, githubTimeoutFromEnv } from "./request-timeout.js";
import { paceWrites } from "./write-pacing.js";

export const DEFAULT_API_URL = "https://api.github.com";

/**
 * GitHub's GraphQL endpoint for a REST base URL, derived as `@octokit/graphql` does: GHE's
 * `http://host/api/v3` → `http://host/api/graphql`; any other base → `<base>/graphql`.
 */
export function graphqlUrlFor(apiUrl: string): string {
  const base = apiUrl.replace(/\/+$/, "");
  return /\/api\/v3$/.test(base) ? `${base.replace(/\/api\/v3$/, "/api")}/graphql` : `${base}/graphql`;
}

const isGraphql = (options: { url?: string }) => /^\/graphql\b|\/graphql$/.test(options.url ?? "");

type ThrottleOptions = { url: string; method?: string };
type OctokitWithLog = { log?: { warn: (message: string) => void } };

/**
 * REST limits: wait as the throttling plugin proposes (a secondary limit up to 3 times, the primary
 * limit twice), within the run's `WaitLimit`; told once in the log. GraphQL: leave to the queue.
 */
export function throttleHandlers(waitLimit: WaitLimit = unlimitedWait) {
  const wait = (limit: LimitName, retryAfter: number, options: ThrottleOptions, octokit: unknown): boolean => {
    const hit = { limit, until: Date.now() + retryAfter * 1000 };
    if (!waitLimit.allow(hit)) return false;
    (octokit as OctokitWithLog)?.log?.warn(`GitHub's ${limit}: waiting until ${formatResetTime(hit.until)} (${options.method ?? ""} ${options.url})`);
    return true;
  };
  return {
    onSecondaryRateLimit: (retryAfter: number, options: ThrottleOptions, octokit: unknown, retryCount: number): boolean =>
      !isGraphql(options) && retryCount < 3 && wait("secondary rate limit", retryAfter, options, octokit),
    onRateLimit: (retryAfter: number, options: ThrottleOptions, octokit: unknown, retryCount: number): boolean =>
      !isGraphql(options) && retryCount < 2 && wait("REST rate limit", retryAfter, options, octokit),
  };
}

export const THROTTLE_HANDLERS = throttleHandlers();

/** POSTs that may be sent twice: a reaction or label already there is answered as such; tokens are throwaway. */
const REPLAY_SAFE_POST = /\/reactions$|\/labels$|\/access_tokens$/;

/** True when plugin-retry may resend a request after a 5xx: reads, edits (PATCH/PUT/DELETE), safe POSTs; never GraphQL. */
export function mayReplay(options: { method?: string; url?: string }): boolean {
  if (isGraphql(options)) return false;
  return (options.method ?? "GET").toUpperCase() !== "POST" || REPLAY_SAFE_POST.test(options.url ?? "");
}

/**
 * Plugin: no plugin-retry retries where a replay could do harm. A POST that creates an issue or a
 * comment may have been applied when GitHub answered 502: resending it blindly makes a duplicate,
 * so `writes/create-once.ts` looks first. GraphQL: a "Something went wrong" query resent unchanged
 * wastes up to 3 × 10 s; the resolver splits it instead, and the queue backs off on 5xx.
 */
export function retryPolicy(octokit: Core): void {
  octokit.hook.before("request", (options) => {
    // plugin-retry reads `request.retries` per request before its state default.
    if (!mayReplay(options)) options.request = { ...options.request, retries: 0 } as typeof options.request;
  });
}

/**
 * The throttling plugin's own write spacing (1 s, and 3 s between content creations, per process)
 * is off: `paceWrites` owns REST write pacing (configurable, per installation) and the request
 * queue owns GraphQL's. Its limiters stay one-at-a-time per installation.
 */
function throttleGroups(graphqlPacingMs = 0) {
  return {
    write: new Bottleneck.Group({ maxConcurrent: 1, minTime: graphqlPacingMs }),
    notifications: new Bottleneck.Group({ maxConcurrent: 1, minTime: 0 }),
  };
}

/**
 * Plugin, placed inside plugin-retry: a connection refused or a name that does not resolve ends the
 * request at once (status 0, which plugin-retry never retries) instead of three retries with backoff.
 * Nobody is listening; asking again in a second will not change that.
 */
export function failFastWhenUnreachable(octokit: Core): void {
  octokit.hook.error("request", (error) => {
    if (silenceOf(error) === "unreachable") (error as { status?: number }).status = 0;
    throw error;
  });
}

/** Octokit's `request` options with the client-side deadline on every request (see request-timeout.ts). */
function withTimeout(request: Record<string, unknown> | undefined, timeoutMs = githubTimeoutFromEnv()): Record<string, unknown> {
  const base = (request?.fetch as typeof fetch | undefined) ?? ((input, init) => globalThis.fetch(input, init));
  return { ...request, fetch: fetchWithTimeout(timeoutMs, base) };
}

const PluggedOctokit = Octokit.plugin(failFastWhenUnreachable, throttling, retry, retryPolicy, paceWrites, trackGithubClock);
export type GithubClient = InstanceType<typeof PluggedOctokit>;

export interface CreateOctokitOptions {
  token: string;
  /** REST base URL; defaults to https://api.github.com (GHE: `https://host/api/v3`). */
  apiUrl?: string;
  /** Spacing between GraphQL request starts, as Probot does (1000). Default 0: the queue paces. */
  graphqlPacingMs?: number;
  userAgent?: string;
  /** Passed to Octokit's `request` option (e.g. `fetch`, `signal`). */
  request?: Record<string, unknown>;
  /** Client-side deadline per request; default `WRAPUP_GITHUB_TIMEOUT_MS`, else 30 s. */
  timeoutMs?: number;
  /** Octokit's logger (defaults to console; tests pass a silent one). */
  log?: { debug: (m: string) => void; info: (m: string) => void; warn: (m: string) => void; error: (m: string) => void };
}

export function createOctokit(options: CreateOctokitOptions): GithubClient {
  return new PluggedOctokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "wrapup-tracker",
    request: withTimeout(options.request, options.timeoutMs),
    ...(options.log ? { log: options.log } : {}),
    throttle: {
      ...THROTTLE_HANDLERS,
      // Fresh groups per client: the plugin's default groups are shared by the whole process.
      ...throttleGroups(options.graphqlPacingMs),
    },
    retry: { retries: 3 },
  });
}

/**
 * The Octokit class handed to Probot. The function form is required: options given to
 * `ProbotOctokit.defaults` as an object are overridden by Probot's own (its secondary-limit handler
 * only logs). Our function runs last, so its handlers win. `waitLimit` bounds how long REST limits
 * are waited for (the CLI's `--max-wait`); the server's default waits as GitHub asks.
 */
export function appOctokitClass(options: { waitLimit?: WaitLimit } = {}) {
  const handlers = throttleHandlers(options.waitLimit);
  const groups = throttleGroups();
  return ProbotOctokit.plugin(retryPolicy, paceWrites, trackGithubClock).defaults((instance: Record<string, unknown>) => {
    const throttle = (instance.throttle ?? {}) as { connection?: unknown };
    // With REDIS_URL Probot clusters the plugin's limiters in Redis: its write spacing (1 s, 3 s
    // between content creations) then holds across every replica, so those groups are kept; our
    // pacer still adds the per-minute and per-hour caps. One process alone: ours pace, configurably.
    const shared = throttle.connection != null;
    return {
      ...instance,
      request: withTimeout(instance.request as Record<string, unknown> | undefined),
      throttle: { ...throttle, ...handlers, ...(shared ? {} : groups) },
      retry: { ...(instance.retry as object | undefined), retries: 3 },
    };
  });
}

export const AppOctokit = appOctokitClass();
