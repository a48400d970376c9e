/**
 * The only place Octokits are built: `createOctokit` for CLIs and scripts, `AppOctokit` for Probot.
 * Layering (see request-queue.ts for the whole picture): the throttling and retry plugins own REST
 * limits and retries; for GraphQL they only pace request starts, and the request queue owns the rest.
 */
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { Octokit as Core } from "@octokit/core";
import { Octokit } from "@octokit/rest";
import Bottleneck from "bottleneck";
import { ProbotOctokit } from "probot";

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

/** REST: retry secondary limits (Probot's default only logs), up to 3 times; GraphQL: leave to the queue. */
function onSecondaryRateLimit(_retryAfter: number, options: { url: string }, _octokit: unknown, retryCount: number): boolean {
  return !isGraphql(options) && retryCount < 3;
}

/** REST: wait for the reset and retry twice; GraphQL: leave to the queue (it pauses the whole scope). */
function onRateLimit(_retryAfter: number, options: { url: string }, _octokit: unknown, retryCount: number): boolean {
  return !isGraphql(options) && retryCount < 2;
}

export const THROTTLE_HANDLERS = { onSecondaryRateLimit, onRateLimit } as const;

/**
 * Plugin: no plugin-retry retries for GraphQL. Retrying a "Something went wrong" query unchanged
 * wastes up to 3 × 10 s; the resolver splits it instead, and the queue backs off on 5xx.
 */
export function noGraphqlRetries(octokit: Core): void {
  octokit.hook.before("request", (options) => {
    // plugin-retry reads `request.retries` per request before its state default.
    if (isGraphql(options)) options.request = { ...options.request, retries: 0 } as typeof options.request;
  });
}

const PluggedOctokit = Octokit.plugin(throttling, retry, noGraphqlRetries);
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
  /** Octokit's logger (defaults to console; tests pass a silent one). */
  log?: { debug: (m: string) => void; info: (m: string) => void; warn: (m: string) => void; error: (m: string) => void };
}

export function createOctokit(options: CreateOctokitOptions): GithubClient {
  return new PluggedOctokit({
    auth: options.token,
    baseUrl: (options.apiUrl ?? DEFAULT_API_URL).replace(/\/+$/, ""),
    userAgent: options.userAgent ?? "wrapup-tracker",
    request: options.request,
    ...(options.log ? { log: options.log } : {}),
    throttle: {
      ...THROTTLE_HANDLERS,
      // A fresh group per client: the plugin's default groups are shared by the whole process.
      write: new Bottleneck.Group({ maxConcurrent: 1, minTime: options.graphqlPacingMs ?? 0 }),
    },
    retry: { retries: 3 },
  });
}

/**
 * The Octokit class handed to Probot. The function form is required: options given to
 * `ProbotOctokit.defaults` as an object are overridden by Probot's own (its secondary-limit handler
 * only logs). Our function runs last, so its handlers win; Probot's Bottleneck/Redis settings stay.
 */
export const AppOctokit = ProbotOctokit.plugin(noGraphqlRetries).defaults((options: Record<string, unknown>) => ({
  ...options,
  throttle: { ...(options.throttle as object | undefined), ...THROTTLE_HANDLERS },
  retry: { ...(options.retry as object | undefined), retries: 3 },
}));
