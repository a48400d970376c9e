import { LRUCache } from "lru-cache";
import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../github/repo-ref.js";

/** A file's first commit never changes: remembered for the life of the process. */
const firstCommits = new LRUCache<string, Promise<string | null>>({ max: 5_000 });

/**
 * Date of the first commit of `path` on `branch`: the grace period of a wrap-up that states no
 * date counts from it. Two requests at most (the newest commit page tells how many pages there
 * are; the last page holds the oldest). Null when it cannot be found; never throws.
 */
export function findFirstCommitDate(octokit: ProbotOctokit, repo: RepoRef, branch: string, path: string): Promise<string | null> {
  const key = `${repo.owner}/${repo.repo}@${branch}:${path}`.toLowerCase();
  let found = firstCommits.get(key);
  if (!found) {
    found = askFirstCommitDate(octokit, repo, branch, path).catch(() => null);
    // A failure is not remembered: the next sweep asks again.
    void found.then((date) => date === null && firstCommits.delete(key));
    firstCommits.set(key, found);
  }
  return found;
}

async function askFirstCommitDate(octokit: ProbotOctokit, repo: RepoRef, branch: string, path: string): Promise<string | null> {
  const params = { owner: repo.owner, repo: repo.repo, sha: branch, path, per_page: 1 };
  const newest = await octokit.rest.repos.listCommits(params);
  const last = /[?&]page=(\d+)[^>]*>;\s*rel="last"/.exec(newest.headers.link ?? "")?.[1];
  const oldest = last ? (await octokit.rest.repos.listCommits({ ...params, page: Number(last) })).data : newest.data;
  const commit = oldest[oldest.length - 1]?.commit;
  return commit?.committer?.date ?? commit?.author?.date ?? null;
}

/** Empties the memo (tests). */
export function forgetFirstCommitDates(): void {
  firstCommits.clear();
}
