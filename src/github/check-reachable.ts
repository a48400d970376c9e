import { silenceOf } from "./errors.js";
import { GithubTimeoutError, fetchWithTimeout } from "./request-timeout.js";

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
    if (silenceOf(error) === "unreachable") return `GitHub could not be reached at ${root} (${String(cause?.code ?? "")}: ${String(cause?.message ?? "")})`;
    return `GitHub could not be reached at ${root}: ${(error as Error).message}`;
  }
}
