import type { ProbotOctokit } from "probot";
import type { Self } from "../writes/github-writer.js";

const cache = new Map<string, Promise<Self>>();

/**
 * The login our comments and issues carry: `<slug>[bot]` for the app (asked once per process with
 * the app's own JWT client), so we only ever edit what we wrote ourselves.
 */
export function findAppSelf(appOctokit: ProbotOctokit, cacheKey = "app"): Promise<Self> {
  let found = cache.get(cacheKey);
  if (!found) {
    found = appOctokit.rest.apps.getAuthenticated().then(({ data }) => ({ login: `${data?.slug}[bot]` }));
    found.catch(() => cache.delete(cacheKey));
    cache.set(cacheKey, found);
  }
  return found;
}

/** For a token (CLI): the token's user; null when the token cannot tell (e.g. an Actions token). */
export async function findTokenSelf(octokit: ProbotOctokit): Promise<Self> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return { login: data.login };
  } catch {
    return { login: null };
  }
}
