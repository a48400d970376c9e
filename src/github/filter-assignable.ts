import type { ProbotOctokit } from "probot";
import { isRateLimit, toGithubError } from "./errors.js";
import type { RepoRef } from "./repo-ref.js";

/**
 * The logins GitHub accepts as assignees of an issue in `repo` (one `GET …/assignees/{login}` each:
 * 204 yes, 404 no). An issue created with one login GitHub refuses fails as a whole, so the
 * follow-up is opened with the others only. A failed check leaves that person out (an assignee
 * is a courtesy, never a reason not to write), except a rate limit, which stops the sweep.
 */
export async function filterAssignable(octokit: ProbotOctokit, repo: RepoRef, logins: string[]): Promise<string[]> {
  const kept: string[] = [];
  for (const login of logins) {
    try {
      await octokit.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: login });
      kept.push(login);
    } catch (raw) {
      // 404: not assignable here (or not a user). A rate limit stops the sweep as everywhere else.
      const error = toGithubError(raw);
      if (isRateLimit(error)) throw error;
    }
  }
  return kept;
}
