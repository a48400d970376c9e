/**
 * The two creates the app makes, each through `createOnce` with a look-up by the body's marker:
 * `openIssueOnce` and `postCommentOnce`. A body without a marker cannot be looked up, so it is
 * refused here rather than risk a duplicate.
 */
import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../github/repo-ref.js";
import { githubNow } from "../github/github-clock.js";
import { createOnce } from "./create-once.js";
import { findOwnComment, findOwnIssue, lookBackFrom } from "./find-own.js";
import type { Self } from "./own-comment.js";
import { markerOf } from "./own-marker.js";

export interface WriteOnceResult {
  /** Issue number or comment id. */
  id: number;
  outcome: "created" | "found";
  lookups: number;
}

function requireMarker(body: string, what: string): string {
  const marker = markerOf(body);
  if (!marker) throw new Error(`${what}: the body has no wrapup-tracker marker to find it by`);
  return marker;
}

export async function openIssueOnce(
  octokit: ProbotOctokit,
  repo: RepoRef,
  issue: { title: string; body: string; labels?: string[]; assignees?: string[] },
  self: Self,
  onLookup?: () => void,
): Promise<WriteOnceResult> {
  const what = `issue "${issue.title}" in ${repo.owner}/${repo.repo}`;
  const marker = requireMarker(issue.body, what);
  const result = await createOnce({
    what,
    // GitHub's clock (its last answer's `Date`), never ours: ours may run ahead of it by days.
    find: () => findOwnIssue(octokit, repo, self, marker, lookBackFrom(githubNow())),
    create: async () => ({ number: (await octokit.rest.issues.create({ ...repo, ...issue })).data.number }),
    ...(onLookup ? { onLookup } : {}),
  });
  return { id: result.item.number, outcome: result.outcome, lookups: result.lookups };
}

export async function postCommentOnce(
  octokit: ProbotOctokit,
  thread: RepoRef & { number: number },
  body: string,
  self: Self,
  onLookup?: () => void,
  /** Octokit request options for the create (e.g. the pacing lane of command replies). */
  request?: Record<string, unknown>,
): Promise<WriteOnceResult> {
  const what = `comment on ${thread.owner}/${thread.repo}#${thread.number}`;
  const marker = requireMarker(body, what);
  const result = await createOnce({
    what,
    find: () => findOwnComment(octokit, thread, self, marker, lookBackFrom(githubNow())),
    create: async () => ({ id: (await octokit.rest.issues.createComment({ owner: thread.owner, repo: thread.repo, issue_number: thread.number, body, ...(request ? { request } : {}) })).data.id }),
    ...(onLookup ? { onLookup } : {}),
  });
  return { id: result.item.id, outcome: result.outcome, lookups: result.lookups };
}
