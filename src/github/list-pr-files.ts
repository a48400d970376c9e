import type { ProbotOctokit } from "probot";

/** The files a pull request adds or changes (removed files have nothing to read), all pages, with their blob SHAs. */
export async function listPrFiles(
  octokit: ProbotOctokit,
  pr: { owner: string; repo: string; number: number },
): Promise<{ path: string; sha?: string }[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  return files.filter((file) => file.status !== "removed").map((file) => ({ path: file.filename, ...(file.sha ? { sha: file.sha } : {}) }));
}
