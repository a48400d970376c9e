/**
 * A client-side deadline on every GitHub request, REST and GraphQL alike: a `fetch` that gives up
 * when GitHub has not answered — headers and the whole body — within `WRAPUP_GITHUB_TIMEOUT_MS`
 * (default 30 s). The body is read inside the deadline because Octokit swallows a body read that
 * fails and hands on an empty answer as if it were GitHub's. It is the innermost layer, so each
 * retry gets a deadline of its own.
 */

import { silenceOf } from "./errors.js";
import { noteGithubAnswer, noteGithubSilence } from "./github-silence.js";

export const DEFAULT_GITHUB_TIMEOUT_MS = 30_000;

/** Thrown (as the `cause` of Octokit's RequestError) when GitHub did not answer in time. */
export class GithubTimeoutError extends Error {
  override readonly name = "GithubTimeoutError";
  readonly code = "WRAPUP_GITHUB_TIMEOUT";
  constructor(readonly what: string, readonly timeoutMs: number) {
    super(`GitHub did not answer within ${formatSeconds(timeoutMs)}: ${what}`);
  }
}

/** `WRAPUP_GITHUB_TIMEOUT_MS` when it is a positive number, else the default. */
export function githubTimeoutFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.WRAPUP_GITHUB_TIMEOUT_MS);
  return env.WRAPUP_GITHUB_TIMEOUT_MS && Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_GITHUB_TIMEOUT_MS;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** `fetch` with the deadline; a caller's own `signal` still aborts it as before. */
export function fetchWithTimeout(timeoutMs: number, baseFetch: typeof fetch = globalThis.fetch): typeof fetch {
  return async (input, init = {}) => {
    const controller = new AbortController();
    const what = `${init.method ?? "GET"} ${describeUrl(input)}`;
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    const signal = init.signal ? AbortSignal.any([init.signal, controller.signal]) : controller.signal;
    try {
      const response = await baseFetch(input, { ...init, signal });
      const body = NULL_BODY_STATUSES.has(response.status) ? null : await response.arrayBuffer();
      const buffered = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
      Object.defineProperty(buffered, "url", { value: response.url });
      noteGithubAnswer();
      return buffered;
    } catch (error) {
      if (controller.signal.aborted && !init.signal?.aborted) {
        const timedOut = new GithubTimeoutError(what, timeoutMs);
        noteGithubSilence(timedOut.message);
        throw timedOut;
      }
      if (silenceOf(error) === "unreachable") {
        noteGithubSilence(`GitHub could not be reached (${String((error as { cause?: { code?: unknown } }).cause?.code ?? "")}): ${what}`);
      }
      throw error;
    } finally {
      clearTimeout(timer);
    }
  };
}

/** The URL without its query (which may carry a search or a cursor), for error lines. */
function describeUrl(input: Parameters<typeof fetch>[0]): string {
  const raw = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
  return raw.split("?")[0]!;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
