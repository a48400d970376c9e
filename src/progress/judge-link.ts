import type { Link } from "../wrapup/types.js";
import { linkKey } from "../wrapup/link-key.js";
import type {
  BranchState,
  CommitState,
  DiscussionState,
  IssueState,
  LinkState,
  PullState,
  PullSummary,
} from "../github/types.js";
import type { LinkJudgement, StateBadge } from "./types.js";
import { describeLink } from "./describe-link.js";
import { addDays, formatAgo, formatDuration, elapsedMs, isOlderThanDays } from "./durations.js";

export interface JudgeLinkOptions {
  now: Date;
  /** Open work with no human activity for longer than this many days is stale. */
  staleAfterDays: number;
}

type Verdict = Pick<LinkJudgement, "verdict" | "badge" | "reason" | "lastActivityAt" | "stalledSince">;

/** Verdict for one work link from its live state (section 1 of the progress rules). */
export function judgeLink(link: Link, state: LinkState | undefined, options: JudgeLinkOptions): LinkJudgement {
  const base = { key: linkKey(link) ?? link.url, url: link.url };
  return { ...base, ...judgeState(link, state, options) };
}

function judgeState(link: Link, state: LinkState | undefined, options: JudgeLinkOptions): Verdict {
  const label = describeLink(link, state);
  if (!state) return fixed("unchecked", "unchecked", `${label}: no state was returned`);
  if (state.status !== "ok") {
    // GitHub's own wording ("Could not resolve to a PullRequest with the number of 99999.") adds nothing.
    if (state.status === "missing") return fixed("missing", "missing", `${label} not found (deleted, wrong number, or private)`);
    if (state.status === "forbidden") return fixed("missing", "missing", `${label} is not accessible (private repository?)`);
    return fixed("unchecked", "unchecked", `${label} could not be checked (${state.message})`);
  }
  switch (state.type) {
    case "pull":
      return judgePull(label, state, options);
    case "issue":
      return judgeIssue(label, state, options);
    case "discussion":
      return judgeDiscussion(label, state, options);
    case "branch":
      return judgeBranch(label, state, options);
    case "commit":
      return judgeCommit(label, state, options);
  }
}

function fixed(verdict: LinkJudgement["verdict"], badge: StateBadge, reason: string, at: string | null = null): Verdict {
  return { verdict, badge, reason, lastActivityAt: at, stalledSince: null };
}

/** Open work: active while a human touched it within `staleAfterDays`, stale after. */
function judgeOpen(what: string, activityAt: string, badge: StateBadge, options: JudgeLinkOptions): Verdict {
  const { now, staleAfterDays } = options;
  if (isOlderThanDays(activityAt, now, staleAfterDays)) {
    const reason = `${what}, no activity for ${formatDuration(elapsedMs(activityAt, now))}`;
    return { verdict: "stale", badge, reason, lastActivityAt: activityAt, stalledSince: addDays(activityAt, staleAfterDays) };
  }
  const reason = `${what}, last activity ${formatAgo(activityAt, now)}`;
  return { verdict: "active", badge, reason, lastActivityAt: activityAt, stalledSince: null };
}

function latest(...times: (string | null | undefined)[]): string | null {
  const valid = times.filter((t): t is string => !!t && !Number.isNaN(Date.parse(t)));
  return valid.length ? valid.reduce((a, b) => (Date.parse(a) >= Date.parse(b) ? a : b)) : null;
}

function shortPull(pull: PullSummary): string {
  return `${pull.owner}/${pull.repo}#${pull.number}`;
}

function judgePull(label: string, pull: PullState, options: JudgeLinkOptions): Verdict {
  const { now } = options;
  if (pull.state === "MERGED") return fixed("done", "merged", `${label} merged ${formatAgo(pull.mergedAt ?? pull.updatedAt, now)}`, pull.mergedAt);
  if (pull.state === "CLOSED") {
    const others = pull.otherPullsFromHead ?? [];
    const merged = others.find((p) => p.state === "MERGED");
    if (merged) return fixed("done", "merged", `${label} closed; its branch was merged in ${shortPull(merged)}`, merged.mergedAt);
    const open = others.find((p) => p.state === "OPEN");
    if (open) return judgeOpen(`${label} closed; continued in ${shortPull(open)}`, open.updatedAt, open.isDraft ? "draft" : "open", options);
    const closedAt = pull.closedAt ?? pull.updatedAt;
    return { ...fixed("abandoned", "closed", `${label} closed without merge ${formatAgo(closedAt, now)}`, closedAt), stalledSince: closedAt };
  }
  // A PR nobody touched since opening it was last moved when it was opened.
  const activity = pull.lastHumanActivityAt ?? pull.createdAt;
  return judgeOpen(`${pull.isDraft ? "draft " : ""}${label} open`, activity, pull.isDraft ? "draft" : "open", options);
}

function judgeIssue(label: string, issue: IssueState, options: JudgeLinkOptions): Verdict {
  const { now } = options;
  const mergedCloser = issue.closedBy.find((p) => p.state === "MERGED");
  if (issue.state === "CLOSED") {
    const closedAt = issue.closedAt ?? issue.updatedAt;
    if (mergedCloser) return fixed("done", "closed", `${label} closed by ${shortPull(mergedCloser)} (merged)`, closedAt);
    if (issue.stateReason === "NOT_PLANNED" || issue.stateReason === "DUPLICATE") {
      const how = issue.stateReason === "DUPLICATE" ? "as a duplicate" : "as not planned";
      return { ...fixed("abandoned", "closed", `${label} closed ${how} ${formatAgo(closedAt, now)}`, closedAt), stalledSince: closedAt };
    }
    return fixed("done", "closed", `${label} closed as completed ${formatAgo(closedAt, now)}`, closedAt);
  }
  // An open PR that will close the issue is progress on it too.
  const openCloser = issue.closedBy.filter((p) => p.state === "OPEN").sort((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt))[0];
  const own = issue.lastHumanActivityAt ?? issue.createdAt;
  if (openCloser && Date.parse(openCloser.updatedAt) > Date.parse(own)) {
    return judgeOpen(`${label} open; fix in ${shortPull(openCloser)}`, openCloser.updatedAt, "open", options);
  }
  return judgeOpen(`${label} open`, own, "open", options);
}

function judgeDiscussion(label: string, discussion: DiscussionState, options: JudgeLinkOptions): Verdict {
  if (discussion.isAnswered) return fixed("done", "answered", `${label} answered`, discussion.updatedAt);
  if (discussion.closed) {
    if (discussion.stateReason === "OUTDATED" || discussion.stateReason === "DUPLICATE") {
      const how = discussion.stateReason === "DUPLICATE" ? "as a duplicate" : "as outdated";
      return { ...fixed("abandoned", "closed", `${label} closed ${how}`, discussion.updatedAt), stalledSince: discussion.updatedAt };
    }
    return fixed("done", "done", `${label} closed as resolved`, discussion.updatedAt);
  }
  return judgeOpen(`${label} open`, discussion.updatedAt, "open", options);
}

function judgeBranch(label: string, branch: BranchState, options: JudgeLinkOptions): Verdict {
  const { now, staleAfterDays } = options;
  if (branch.path) return fixed("ignored", "file", `${label} is a link to the file ${branch.path}, not to work in progress`);
  const merged = branch.pulls.find((p) => p.state === "MERGED");
  if (merged) return fixed("done", "merged", `${label} merged in ${shortPull(merged)}`, merged.mergedAt);
  const open = branch.pulls.find((p) => p.state === "OPEN");
  const commitAt = branch.lastCommit?.committedDate ?? null;
  if (open) {
    const activity = latest(open.updatedAt, commitAt) ?? open.updatedAt;
    return judgeOpen(`${label}: ${open.isDraft ? "draft " : ""}PR ${shortPull(open)} open`, activity, open.isDraft ? "draft" : "open", options);
  }
  const closed = branch.pulls[0];
  if (closed) {
    const closedAt = closed.closedAt ?? closed.updatedAt;
    return { ...fixed("abandoned", "closed", `${label}: PR ${shortPull(closed)} closed without merge`, closedAt), stalledSince: closedAt };
  }
  if (branch.aheadBy === 0) return fixed("done", "merged", `${label} has no commits ahead of ${branch.owner}/${branch.repo}'s base`, commitAt);
  if (!commitAt) return { ...fixed("unpublished", "no PR", `${label} has no pull request and no commits`), stalledSince: null };
  if (isOlderThanDays(commitAt, now, staleAfterDays)) {
    const reason = `${label} has no pull request; last commit ${formatAgo(commitAt, now)}`;
    return { verdict: "unpublished", badge: "no PR", reason, lastActivityAt: commitAt, stalledSince: addDays(commitAt, staleAfterDays) };
  }
  return fixed("active", "no PR", `${label} has no pull request yet; last commit ${formatAgo(commitAt, now)}`, commitAt);
}

function judgeCommit(label: string, commit: CommitState, options: JudgeLinkOptions): Verdict {
  const { now, staleAfterDays } = options;
  if (commit.onDefaultBranch) return fixed("done", "merged", `${label} is on the default branch`, commit.committedDate);
  const where = commit.onDefaultBranch === null ? "is not known to be on the default branch" : "is not on the default branch";
  const reason = `${label} ${where}; committed ${formatAgo(commit.committedDate, now)}`;
  if (isOlderThanDays(commit.committedDate, now, staleAfterDays)) {
    return { verdict: "unpublished", badge: "no PR", reason, lastActivityAt: commit.committedDate, stalledSince: addDays(commit.committedDate, staleAfterDays) };
  }
  return fixed("active", "no PR", reason, commit.committedDate);
}
