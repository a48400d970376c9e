import type { Octokit } from "@octokit/core";
import { countGithubWrite, setRateLimitRemaining } from "./metrics.js";

type Headers = Record<string, string | number | undefined>;

/** Token requests are how Probot authenticates, not writes of ours. */
const NOT_WRITES = /^\/app\/installations\/\{installation_id\}\/access_tokens$|^\/graphql$/;

/**
 * Octokit plugin: every request's rate-limit headers (per installation and resource) and every
 * REST write's outcome. Added last, so it sees what is left after throttling and retries.
 */
export function octokitMetrics(octokit: Octokit, options: { auth?: unknown }): void {
  const installation = (options.auth as { installationId?: number | string } | undefined)?.installationId;
  octokit.hook.wrap("request", async (request, requestOptions) => {
    const method = String(requestOptions.method ?? "GET").toUpperCase();
    // The route template (`/repos/{owner}/{repo}/issues/{issue_number}/comments`): few label values.
    const route = String(requestOptions.url ?? "");
    const isWrite = method !== "GET" && method !== "HEAD" && !NOT_WRITES.test(route);
    try {
      const response = await request(requestOptions);
      noteRemaining(installation, response.headers as Headers);
      if (isWrite) countGithubWrite(method, route, "ok");
      return response;
    } catch (error) {
      noteRemaining(installation, (error as { response?: { headers?: Headers } }).response?.headers);
      if (isWrite) countGithubWrite(method, route, "failed");
      throw error;
    }
  });
}

function noteRemaining(installation: number | string | undefined, headers: Headers | undefined): void {
  const remaining = Number(headers?.["x-ratelimit-remaining"]);
  if (installation === undefined || !headers || !Number.isFinite(remaining)) return;
  setRateLimitRemaining(String(installation), String(headers["x-ratelimit-resource"] ?? "core"), remaining);
}
