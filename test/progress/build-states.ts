import type { Link, Topic } from "../../src/wrapup/types.js";
import type { BranchState, CommitState, DiscussionState, IssueState, PullState, PullSummary } from "../../src/github/types.js";

/** Small builders for link states; every field a rule reads can be overridden. */
export const NOW = new Date("2026-11-21T12:00:00Z");
export const DAY = 86_400_000;

export function daysAgo(days: number, from: Date = NOW): string {
  return new Date(from.getTime() - days * DAY).toISOString();
}

export function pullLink(number = 669, over: Partial<Link> = {}): Link {
  return { url: `https://github.com/gardener/gardener/pull/${number}`, kind: "pull", owner: "gardener", repo: "gardener", number, field: "code", line: 10, ...over };
}
export function issueLink(number = 12): Link {
  return { url: `https://github.com/gardener/gardener/issues/${number}`, kind: "issue", owner: "gardener", repo: "gardener", number, field: "nextSteps", line: 11 };
}
export function discussionLink(number = 3): Link {
  return { url: `https://github.com/gardener/gardener/discussions/${number}`, kind: "discussion", owner: "gardener", repo: "gardener", number, field: "nextSteps", line: 12 };
}
export function branchLink(branch = "improve-seed-authz"): Link {
  return { url: `https://github.com/rfranzke/gardener/tree/${branch}`, kind: "branch", owner: "rfranzke", repo: "gardener", branch, field: "code", line: 13 };
}
export function commitLink(sha = "1a2b3c4d5e6f"): Link {
  return { url: `https://github.com/gardener/gardener/commit/${sha}`, kind: "commit", owner: "gardener", repo: "gardener", sha, field: "code", line: 14 };
}

export function pull(over: Partial<PullState> = {}): PullState {
  return {
    type: "pull", status: "ok", owner: "gardener", repo: "gardener", number: 669, url: "https://github.com/gardener/gardener/pull/669",
    title: "Some PR", state: "OPEN", isDraft: false, mergedAt: null, closedAt: null, createdAt: daysAgo(200), updatedAt: daysAgo(1),
    author: { login: "alice", isBot: false }, head: { owner: "alice", repo: "gardener", branch: "feature" },
    base: { owner: "gardener", repo: "gardener", branch: "master" }, reviewDecision: null, lastCommitAt: null, checks: null,
    lastHumanActivityAt: daysAgo(3), ...over,
  };
}
export function summary(over: Partial<PullSummary> = {}): PullSummary {
  return {
    owner: "gardener", repo: "gardener", number: 700, url: "https://github.com/gardener/gardener/pull/700", title: "Other",
    state: "OPEN", isDraft: false, mergedAt: null, closedAt: null, updatedAt: daysAgo(2), author: { login: "bob", isBot: false }, ...over,
  };
}
export function issue(over: Partial<IssueState> = {}): IssueState {
  return {
    type: "issue", status: "ok", owner: "gardener", repo: "gardener", number: 12, url: "https://github.com/gardener/gardener/issues/12",
    title: "An issue", state: "OPEN", stateReason: null, closedAt: null, createdAt: daysAgo(300), updatedAt: daysAgo(1),
    author: null, lastHumanActivityAt: daysAgo(5), closedBy: [], ...over,
  };
}
export function discussion(over: Partial<DiscussionState> = {}): DiscussionState {
  return {
    type: "discussion", status: "ok", owner: "gardener", repo: "gardener", number: 3, url: "https://github.com/gardener/gardener/discussions/3",
    title: "A discussion", closed: false, stateReason: null, isAnswered: false, createdAt: daysAgo(100), updatedAt: daysAgo(4), ...over,
  };
}
export function branch(over: Partial<BranchState> = {}): BranchState {
  return {
    type: "branch", status: "ok", owner: "rfranzke", repo: "gardener", branch: "improve-seed-authz", path: "",
    lastCommit: { oid: "abc", committedDate: daysAgo(2) }, pulls: [], ...over,
  };
}
export function commit(over: Partial<CommitState> = {}): CommitState {
  return {
    type: "commit", status: "ok", owner: "gardener", repo: "gardener", oid: "1a2b3c4d5e6f", url: "https://github.com/gardener/gardener/commit/1a2b3c4d5e6f",
    committedDate: daysAgo(2), onDefaultBranch: true, ...over,
  };
}

export function topic(over: Partial<Topic> = {}): Topic {
  return { title: "Gardener on IPv6", heading: "## Gardener on IPv6", line: 5, anchor: "gardener-on-ipv6", fields: { nextSteps: "Finish it" }, nextSteps: "Finish it", links: [], ...over };
}
