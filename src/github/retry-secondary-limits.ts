import type { ProbotOctokit } from "probot";
import { toGithubError } from "./errors.js";

export interface SecondaryRetryOptions {
  /** Retries per request after a secondary limit. */
  maxRetries?: number;
  /** Wait when GitHub sends no `retry-after`. */
  fallbackMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const patched = new WeakSet<object>();
const isGraphql = (url: unknown) => /\/graphql$/.test(String(url ?? ""));

/**
 * Under `probot run` the app's Octokit is Probot's own, whose secondary-limit handler only logs:
 * a 403/429 with `retry-after` on a write would be lost. This wraps REST requests of one client
 * so they wait (`retry-after`, else 60 s) and retry, a few times. GraphQL is left alone: the
 * request queue already pauses and retries it (one layer per concern). Idempotent per client.
 */
export function retrySecondaryLimits<T extends ProbotOctokit>(octokit: T, options: SecondaryRetryOptions = {}): T {
  if (patched.has(octokit)) return octokit;
  patched.add(octokit);
  const maxRetries = options.maxRetries ?? 3;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  octokit.hook.wrap("request", async (request, requestOptions) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await request(requestOptions);
      } catch (raw) {
        const error = toGithubError(raw);
        if (error.kind !== "secondary-rate-limited" || attempt >= maxRetries || isGraphql(requestOptions.url)) throw raw;
        await sleep(error.details.retryAfterSeconds ? error.details.retryAfterSeconds * 1000 : (options.fallbackMs ?? 60_000));
      }
    }
  });
  return octokit;
}
