/**
 * Repairs what slipped through despite `createOnce` (a look-up GitHub answered before the create
 * had landed, two processes sweeping at once): for each key the oldest of our items is kept, the
 * others are closed (issues: body replaced by a one-line note, state `not_planned`, one idempotent
 * PATCH) or deleted (comments). Only items that are ours and carry our marker are ever touched.
 */
import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../github/repo-ref.js";
import { hasDashboardMarker } from "../render/dashboard-marker.js";
import { CONFIG_PROBLEMS_MARKER, formatTopicKey, parseFollowUpMarker } from "../render/marker.js";
import { findDuplicates } from "./find-duplicates.js";
import { isOwnComment, type IssueComment, type Self } from "./own-comment.js";
import { markerOf } from "./own-marker.js";

export interface Repair {
  /** `owner/repo#n` for an issue closed, `owner/repo#n comment <id>` for a comment deleted. */
  removed: string;
  /** The item kept in its place. */
  kept: string;
}

export interface RepairOptions {
  dryRun: boolean;
  self: Self;
  /** Every repair made (or, in a dry run, that would be made) is added here. */
  repairs: Repair[];
}

/** The fields of our issues the repair reads (as `listOwnIssues` returns them). */
export interface RepairableIssue {
  number: number;
  state: "open" | "closed";
  body: string;
  /** Comment count, from the listing: a thread with fewer than two comments has no doubled reminder. */
  comments?: number;
}

/** What one issue of ours is the one of: its follow-up topic, the config-problems issue, or the dashboard. */
function issueKey(body: string): string | null {
  const followUp = parseFollowUpMarker(body);
  if (followUp) return `follow-up ${formatTopicKey(followUp)}`;
  if (body.includes(CONFIG_PROBLEMS_MARKER)) return "config-problems";
  return hasDashboardMarker(body) ? "dashboard" : null;
}

export function duplicateNote(keptNumber: number): string {
  return `<!-- wrapup-tracker:duplicate {"of":${keptNumber}} -->\nDuplicate of #${keptNumber}: opened twice when GitHub answered an error to the first request. Closed by wrapup-tracker.`;
}

/**
 * Closes extra open issues per key (oldest kept), then deletes doubled comments of ours on the open
 * follow-ups that have at least two comments. Returns the issues as they now are.
 */
export async function repairOwnIssues<T extends RepairableIssue>(octokit: ProbotOctokit, repo: RepoRef, issues: T[], options: RepairOptions): Promise<T[]> {
  const where = (n: number) => `${repo.owner}/${repo.repo}#${n}`;
  const groups = findDuplicates(issues.filter((i) => i.state === "open"), (i) => issueKey(i.body), (i) => ["", i.number]);
  const closed = new Map<number, string>();
  for (const { keep, extra } of groups) {
    for (const issue of extra) {
      const body = duplicateNote(keep.number);
      const close = () => octokit.rest.issues.update({ ...repo, issue_number: issue.number, state: "closed", state_reason: "not_planned", body });
      if (!(await attempt(options, close))) continue;
      options.repairs.push({ removed: where(issue.number), kept: where(keep.number) });
      closed.set(issue.number, body);
    }
  }
  const repaired = issues.map((i) => (closed.has(i.number) ? { ...i, state: "closed" as const, body: closed.get(i.number)! } : i));
  for (const issue of repaired) {
    if (issue.state !== "open" || (issue.comments ?? 0) < 2 || !parseFollowUpMarker(issue.body)) continue;
    const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: issue.number, per_page: 100 });
    await repairComments(octokit, { ...repo, number: issue.number }, comments, options);
  }
  return repaired;
}

/** Deletes our comments on one thread that repeat an older one's marker exactly (the oldest is kept). */
export async function repairComments(
  octokit: ProbotOctokit,
  thread: RepoRef & { number: number },
  comments: IssueComment[],
  options: RepairOptions,
): Promise<IssueComment[]> {
  const ours = comments.filter((c) => isOwnComment(c, options.self, (body) => markerOf(body) !== null));
  const groups = findDuplicates(ours, (c) => markerOf(c.body), (c) => [c.created_at, c.id]);
  const where = `${thread.owner}/${thread.repo}#${thread.number}`;
  const removed = new Set<number>();
  for (const { keep, extra } of groups) {
    for (const comment of extra) {
      if (!(await attempt(options, () => deleteComment(octokit, thread, comment.id)))) continue;
      options.repairs.push({ removed: `${where} comment ${comment.id}`, kept: `${where} comment ${keep.id}` });
      removed.add(comment.id);
    }
  }
  return comments.filter((c) => !removed.has(c.id));
}

/**
 * One repair write (none in a dry run). A repair GitHub fails on is left for the next sweep rather
 * than ending this one: a duplicate still open harms less than the writes the sweep would skip.
 */
async function attempt(options: RepairOptions, write: () => Promise<unknown>): Promise<boolean> {
  if (options.dryRun) return true;
  try {
    await write();
    return true;
  } catch {
    return false;
  }
}

/** DELETE is idempotent: a comment already gone (404) is what we wanted. */
async function deleteComment(octokit: ProbotOctokit, thread: RepoRef, id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: thread.owner, repo: thread.repo, comment_id: id });
  } catch (error) {
    if ((error as { status?: number }).status !== 404) throw error;
  }
}

/** Doubled reminders on the topics' tracking issues, from the comments the sweep listed anyway (each thread once). */
export async function repairTrackingReminders(
  octokit: ProbotOctokit,
  tracking: Iterable<{ repo: RepoRef; number: number; comments?: IssueComment[] }>,
  options: RepairOptions,
): Promise<void> {
  const seen = new Set<string>();
  for (const issue of tracking) {
    const thread = `${issue.repo.owner}/${issue.repo.repo}#${issue.number}`.toLowerCase();
    if (!issue.comments || seen.has(thread)) continue;
    seen.add(thread);
    await repairComments(octokit, { ...issue.repo, number: issue.number }, issue.comments, options);
  }
}
