import type { ProbotOctokit } from "probot";

/** Paths of the files a pull request adds or changes (removed files have nothing to read), all pages. */
export async function listPrFiles(
  octokit: ProbotOctokit,
  pr: { owner: string; repo: string; number: number },
): Promise<string[]> {
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  return files.filter((file) => file.status !== "removed").map((file) => file.filename);
}
