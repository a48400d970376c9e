import { GithubTimeoutError, fetchWithTimeout } from "./request-timeout.js";

const UNREACHABLE = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH"]);

/**
 * One request to the API's root before a run starts: null when GitHub answers at all (any status
 * is an answer), else one sentence saying it could not be reached or did not answer. Probot's
 * Octokit retries a refused connection three times with backoff on every request; a run that
 * cannot reach GitHub should say so at once instead.
 */
export async function checkReachable(apiUrl: string, timeoutMs: number): Promise<string | null> {
  const root = `${apiUrl.replace(/\/+$/, "")}/`;
  try {
    await fetchWithTimeout(timeoutMs)(root, { method: "GET", headers: { "user-agent": "wrapup-tracker" } });
    return null;
  } catch (error) {
    if (error instanceof GithubTimeoutError) return error.message;
    const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
    const code = String(cause?.code ?? "");
    if (UNREACHABLE.has(code)) return `GitHub could not be reached at ${root} (${code}: ${String(cause?.message ?? "")})`;
    return `GitHub could not be reached at ${root}: ${(error as Error).message}`;
  }
}
