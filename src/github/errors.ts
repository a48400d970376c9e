/**
 * Raw failures (Octokit's RequestError, GraphqlResponseError, plugin errors, fetch errors) mapped to
 * a few domain kinds. Callers branch on `kind`, never on a message: the messages are matched here
 * and only here.
 */

export type GithubErrorKind =
  /** Primary limit: `RATE_LIMITED` / `RATE_LIMIT` error types, or `x-ratelimit-remaining: 0`. */
  | "rate-limited"
  /** Secondary (abuse) limit: 403/429 (or 200) with `retry-after` or a "secondary rate limit" message. */
  | "secondary-rate-limited"
  /** GitHub gave up on the query ("Something went wrong", resource limits, timeouts): ask for less. */
  | "query-too-large"
  /** 5xx or a network failure: worth retrying the same request after a while. */
  | "server"
  /** No answer within the client-side deadline (`WRAPUP_GITHUB_TIMEOUT_MS`): retried like a 5xx, never split. */
  | "timeout"
  /** Nobody to ask: the host name does not resolve or the connection is refused. Fails at once, no retry. */
  | "unreachable"
  | "unauthorized"
  | "forbidden"
  | "not-found"
  /** HTTP 200 with data and per-path errors (NOT_FOUND, FORBIDDEN…): the batch worked, some items did not. */
  | "partial"
  /** Anything else (bad query, 4xx): retrying will not help. */
  | "failed";

export interface GithubErrorDetails {
  /** Seconds to wait before retrying, when GitHub said so (`retry-after`). */
  retryAfterSeconds?: number;
  /** Epoch ms when the primary limit resets, when GitHub said so. */
  resetAt?: number;
  /** Partial data GitHub sent along with the error (GraphQL). */
  data?: unknown;
  /** GraphQL `errors` items, each with its `path` (first element: the alias). */
  errors?: GraphqlErrorItem[];
}

export class GithubError extends Error {
  override readonly name = "GithubError";
  constructor(
    readonly kind: GithubErrorKind,
    message: string,
    readonly details: GithubErrorDetails = {},
  ) {
    super(message);
  }
}

interface RawError {
  cause?: unknown;
  message?: unknown;
  status?: unknown;
  code?: unknown;
  name?: unknown;
  data?: unknown;
  errors?: unknown;
  headers?: Record<string, unknown>;
  response?: { status?: unknown; headers?: Record<string, unknown>; data?: unknown };
}

export interface GraphqlErrorItem {
  type?: string;
  code?: string;
  message?: string;
  path?: (string | number)[];
}

/** The `errors` array of a GraphQL response, wherever the raw error keeps it. */
export function graphqlErrorsOf(raw: unknown): GraphqlErrorItem[] {
  const r = (raw ?? {}) as RawError;
  // GraphqlResponseError keeps them on `errors`; RequestError and plugin-throttling on the body.
  const body = (value: unknown) => (value as { errors?: unknown } | null | undefined)?.errors;
  const candidates = [r.errors, body(r.response?.data), body(r.data)];
  for (const errors of candidates) if (Array.isArray(errors)) return errors as GraphqlErrorItem[];
  return [];
}

function headerOf(r: RawError, name: string): string | undefined {
  const value = r.response?.headers?.[name] ?? r.headers?.[name];
  return value === undefined || value === null ? undefined : String(value);
}

const SECONDARY = /secondary rate limit|abuse detection/i;
const TOO_LARGE = /something went wrong|timeout|timed out|resource limits|couldn't respond/i;
const NETWORK_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "UND_ERR_SOCKET", "EPIPE"]);
/** Nothing listens, or the name does not resolve: asking again in a second will not help. */
const UNREACHABLE_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);
const TIMEOUT_CODE = "WRAPUP_GITHUB_TIMEOUT";

/** Error codes along the cause chain (fetch hides the socket's code two levels down). */
function codesOf(raw: unknown): string[] {
  const codes: string[] = [];
  let current = raw as RawError | undefined;
  for (let depth = 0; current && typeof current === "object" && depth < 4; depth += 1) {
    if (current.code !== undefined) codes.push(String(current.code));
    current = current.cause as RawError | undefined;
  }
  return codes;
}

/** A request that ended without GitHub answering: timed out, or nobody to connect to; null otherwise. */
export function silenceOf(raw: unknown): "timeout" | "unreachable" | null {
  const codes = codesOf(raw);
  if (codes.includes(TIMEOUT_CODE)) return "timeout";
  return codes.some((code) => UNREACHABLE_CODES.has(code)) ? "unreachable" : null;
}

function isRateLimitItem(e: GraphqlErrorItem): boolean {
  return e.type === "RATE_LIMITED" || e.type === "RATE_LIMIT" || e.code === "graphql_rate_limit";
}

function kindOf(r: RawError, status: number, message: string, items: GraphqlErrorItem[], hasData: boolean): GithubErrorKind {
  const silence = silenceOf(r);
  if (silence) return silence;
  if (SECONDARY.test(message) || items.some((e) => SECONDARY.test(e.message ?? ""))) return "secondary-rate-limited";
  if (items.some(isRateLimitItem) || /rate limit exceeded/i.test(message)) return "rate-limited";
  if ((status === 403 || status === 429) && headerOf(r, "x-ratelimit-remaining") === "0") return "rate-limited";
  if ((status === 403 || status === 429) && headerOf(r, "retry-after") !== undefined) return "secondary-rate-limited";
  if (status === 429) return "secondary-rate-limited";
  if (TOO_LARGE.test(message) || items.some((e) => TOO_LARGE.test(e.message ?? ""))) return "query-too-large";
  if (status >= 500 || NETWORK_CODES.has(String(r.code)) || r.name === "AbortError" || r.name === "TimeoutError") {
    return "server";
  }
  if (status === 401) return "unauthorized";
  if (status === 403) return "forbidden";
  if (status === 404) return "not-found";
  if (status === 0 && /fetch failed|network|socket/i.test(message)) return "server";
  if (items.length > 0 && hasData) return "partial";
  return "failed";
}

/** Maps any thrown value from a GitHub request to a `GithubError` (returned as is when it already is one). */
export function toGithubError(raw: unknown): GithubError {
  if (raw instanceof GithubError) return raw;
  const r = (raw ?? {}) as RawError;
  const status = Number(r.status ?? r.response?.status ?? 0) || 0;
  const items = graphqlErrorsOf(raw);
  const message = String(r.message ?? items[0]?.message ?? raw);
  const data = r.data ?? (r.response?.data as { data?: unknown } | undefined)?.data;
  const kind = kindOf(r, status, message, items, data !== undefined && data !== null);
  const retryAfter = Number(headerOf(r, "retry-after"));
  const reset = Number(headerOf(r, "x-ratelimit-reset"));
  return new GithubError(kind, message, {
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    resetAt: Number.isFinite(reset) && reset > 0 ? reset * 1000 : undefined,
    data,
    errors: items,
  });
}

/**
 * True when a write that failed this way may still have been applied: a 5xx, a timeout or a reset
 * connection says nothing about whether GitHub created the issue or comment before answering.
 * Rate limits and other 4xx are refusals: nothing was written.
 */
export function mayHaveApplied(error: GithubError): boolean {
  return error.kind === "server" || error.kind === "query-too-large" || error.kind === "timeout";
}

/** True when GitHub did not answer at all (no deadline met, nobody listening): what the CLI stops on. */
export function isSilence(error: GithubError): boolean {
  return error.kind === "timeout" || error.kind === "unreachable";
}

/** True for the limits that pass with time: the rest of a run's writes wait for the next run. */
export function isRateLimit(error: GithubError): boolean {
  return error.kind === "rate-limited" || error.kind === "secondary-rate-limited";
}
