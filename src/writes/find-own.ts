import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../github/repo-ref.js";
import { markerOf } from "./own-marker.js";
import { isOwnComment, ownIssueFilter, type IssueComment, type Self } from "./own-comment.js";

/** How far back a look-up reaches on GitHub's clock (see github-clock.ts): the create just sent, with room to spare. */
const LOOKBACK_MS = 10 * 60_000;

export const lookBackFrom = (startedAt: number) => new Date(startedAt - LOOKBACK_MS).toISOString();

export interface OwnIssueRef {
  number: number;
  body: string;
  created_at: string;
}

/**
 * Our issue (`ownIssueFilter`) carrying exactly `marker`, among the issues updated since `since` (a
 * fresh request, a page or two at most); the oldest when there are several.
 */
export async function findOwnIssue(octokit: ProbotOctokit, repo: RepoRef, self: Self, marker: string, since: string): Promise<OwnIssueRef | null> {
  const { isOurs, ...creator } = ownIssueFilter(self);
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, {
    ...repo,
    state: "all",
    since,
    sort: "created",
    direction: "asc",
    per_page: 100,
    ...creator,
  });
  const found = issues.find((issue) => !issue.pull_request && isOurs(issue.user) && markerOf(issue.body) === marker);
  return found ? { number: found.number, body: found.body ?? "", created_at: found.created_at } : null;
}

/** Our comment on the thread carrying exactly `marker`, among those updated since `since`; the oldest first. */
export async function findOwnComment(
  octokit: ProbotOctokit,
  thread: RepoRef & { number: number },
  self: Self,
  marker: string,
  since: string,
): Promise<IssueComment | null> {
  const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
    owner: thread.owner,
    repo: thread.repo,
    issue_number: thread.number,
    since,
    per_page: 100,
  });
  return comments.find((comment) => isOwnComment(comment, self, (body) => markerOf(body) === marker)) ?? null;
}
