import type { ProbotOctokit } from "probot";
import type { Self } from "../writes/own-comment.js";

/** Per client: a Probot's app-level client is one instance for the life of the process. */
const cache = new WeakMap<object, Promise<Self>>();

/**
 * The login our comments and issues carry: `<slug>[bot]` for the app (asked once per process with
 * the app's own JWT client), so we only ever edit what we wrote ourselves.
 */
export function findAppSelf(appOctokit: ProbotOctokit): Promise<Self> {
  let found = cache.get(appOctokit);
  if (!found) {
    found = appOctokit.rest.apps.getAuthenticated().then(({ data }) => ({ login: `${data?.slug}[bot]` }));
    found.catch(() => cache.delete(appOctokit));
    cache.set(appOctokit, found);
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
