import type { ProbotOctokit } from "probot";
import type { KeyedLock } from "../coordination/coordination.js";
import { sharedLock } from "../coordination/shared-locks.js";
import { isOwnComment, type IssueComment, type Self } from "./own-comment.js";
import { repairComments } from "./repair-duplicates.js";
import { postCommentOnce } from "./write-once.js";

export type UpsertOutcome = "created" | "updated" | "unchanged" | "planned";

export interface UpsertStatusCommentInput {
  octokit: ProbotOctokit;
  owner: string;
  repo: string;
  /** Pull request (or issue) number. */
  issueNumber: number;
  body: string;
  self: Self;
  /** True for bodies carrying our status-comment marker. */
  hasMarker: (body: string) => boolean;
  dryRun?: boolean;
  /**
   * What counts as a change: by default the whole body. The status comment's footer carries the
   * time of the check, which alone is no reason to edit the comment.
   */
  comparable?: (body: string) => string;
  /** Per-thread write lock; default: the process-wide one (leases in Redis when the app has `REDIS_URL`). */
  lock?: KeyedLock;
}

/**
 * Creates or updates our one comment on a thread. Serialized per thread and the comments are read
 * inside the lock, so two deliveries for the same PR end with exactly one comment; no write when
 * the body is already what we would write.
 */
export async function upsertStatusComment(input: UpsertStatusCommentInput): Promise<UpsertOutcome> {
  const key = `${input.owner}/${input.repo}#${input.issueNumber}`.toLowerCase();
  const withThreadLock = input.lock ?? sharedLock("thread");
  return withThreadLock(key, async (lease) => {
    const existing = await findOwnComment(input);
    const comparable = input.comparable ?? ((body: string) => body);
    if (existing && comparable(existing.body ?? "") === comparable(input.body)) return "unchanged";
    if (input.dryRun) return "planned";
    // A lease that expired while this replica stalled may be another replica's now: no write then.
    await lease.assertHeld();
    if (existing) {
      await input.octokit.rest.issues.updateComment({
        owner: input.owner,
        repo: input.repo,
        comment_id: existing.id,
        body: input.body,
      });
      return "updated";
    }
    await postCommentOnce(input.octokit, { owner: input.owner, repo: input.repo, number: input.issueNumber }, input.body, input.self);
    return "created";
  });
}

/**
 * Our comment on the thread, searched over every page. Should two of ours be there (a create GitHub
 * failed on that landed after all, two processes at once), the oldest is kept and the others deleted.
 */
export async function findOwnComment(
  input: Pick<UpsertStatusCommentInput, "octokit" | "owner" | "repo" | "issueNumber" | "self" | "hasMarker" | "dryRun">,
): Promise<IssueComment | null> {
  const comments: IssueComment[] = await input.octokit.paginate(input.octokit.rest.issues.listComments, {
    owner: input.owner,
    repo: input.repo,
    issue_number: input.issueNumber,
    per_page: 100,
  });
  const thread = { owner: input.owner, repo: input.repo, number: input.issueNumber };
  const kept = await repairComments(input.octokit, thread, comments, { dryRun: input.dryRun ?? false, self: input.self, repairs: [] });
  return kept.find((comment) => isOwnComment(comment, input.self, input.hasMarker)) ?? null;
}
