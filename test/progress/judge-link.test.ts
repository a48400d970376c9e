import { describe, expect, it } from "vitest";
import { judgeLink } from "../../src/progress/judge-link.js";
import type { LinkState } from "../../src/github/types.js";
import type { Link } from "../../src/wrapup/types.js";
import type { LinkVerdict, StateBadge } from "../../src/progress/types.js";
import {
  NOW, DAY, daysAgo, pullLink, issueLink, discussionLink, branchLink, commitLink,
  pull, summary, issue, discussion, branch, commit,
} from "./build-states.js";

const options = { now: NOW, staleAfterDays: 30 };

type Row = [string, Link, LinkState | undefined, LinkVerdict, StateBadge, string];

const rows: Row[] = [
  ["merged PR", pullLink(), pull({ state: "MERGED", mergedAt: daysAgo(3) }), "done", "merged", "PR gardener/gardener#669 merged 3 days ago"],
  ["open PR, recent human activity", pullLink(), pull({ lastHumanActivityAt: daysAgo(3) }), "active", "open", "PR gardener/gardener#669 open, last activity 3 days ago"],
  ["open PR, no activity for 74 days", pullLink(), pull({ lastHumanActivityAt: daysAgo(74) }), "stale", "open", "PR gardener/gardener#669 open, no activity for 74 days"],
  ["open PR never touched: counted from creation", pullLink(), pull({ lastHumanActivityAt: null, createdAt: daysAgo(40) }), "stale", "open", "no activity for 40 days"],
  ["draft PR, recent: draft does not change the verdict", pullLink(), pull({ isDraft: true, lastHumanActivityAt: daysAgo(1) }), "active", "draft", "draft PR gardener/gardener#669 open"],
  ["draft PR, old", pullLink(), pull({ isDraft: true, lastHumanActivityAt: daysAgo(60) }), "stale", "draft", "no activity for 60 days"],
  ["closed PR, nothing else from its branch", pullLink(), pull({ state: "CLOSED", closedAt: daysAgo(10) }), "abandoned", "closed", "closed without merge 10 days ago"],
  ["closed PR whose branch was merged in another PR", pullLink(), pull({ state: "CLOSED", otherPullsFromHead: [summary({ state: "MERGED", mergedAt: daysAgo(1) })] }), "done", "merged", "merged in gardener/gardener#700"],
  ["closed PR continued in an open one", pullLink(), pull({ state: "CLOSED", otherPullsFromHead: [summary({ updatedAt: daysAgo(2) })] }), "active", "open", "continued in gardener/gardener#700"],
  ["issue closed as completed", issueLink(), issue({ state: "CLOSED", stateReason: "COMPLETED", closedAt: daysAgo(7) }), "done", "closed", "issue gardener/gardener#12 closed as completed 7 days ago"],
  ["issue closed by a merged PR", issueLink(), issue({ state: "CLOSED", stateReason: "NOT_PLANNED", closedBy: [summary({ state: "MERGED" })] }), "done", "closed", "closed by gardener/gardener#700 (merged)"],
  ["issue closed as not planned", issueLink(), issue({ state: "CLOSED", stateReason: "NOT_PLANNED", closedAt: daysAgo(7) }), "abandoned", "closed", "closed as not planned"],
  ["issue closed as duplicate", issueLink(), issue({ state: "CLOSED", stateReason: "DUPLICATE", closedAt: daysAgo(7) }), "abandoned", "closed", "closed as a duplicate"],
  ["open issue, recent", issueLink(), issue({ lastHumanActivityAt: daysAgo(5) }), "active", "open", "issue gardener/gardener#12 open, last activity 5 days ago"],
  ["open issue, old", issueLink(), issue({ lastHumanActivityAt: daysAgo(45) }), "stale", "open", "issue gardener/gardener#12 open, no activity for 45 days"],
  ["old issue with a fresh fix PR", issueLink(), issue({ lastHumanActivityAt: daysAgo(45), closedBy: [summary({ updatedAt: daysAgo(2) })] }), "active", "open", "fix in gardener/gardener#700"],
  ["discussion answered", discussionLink(), discussion({ isAnswered: true }), "done", "answered", "discussion gardener/gardener#3 answered"],
  ["discussion closed as resolved", discussionLink(), discussion({ closed: true, stateReason: "RESOLVED" }), "done", "done", "closed as resolved"],
  ["discussion closed as outdated", discussionLink(), discussion({ closed: true, stateReason: "OUTDATED" }), "abandoned", "closed", "closed as outdated"],
  ["open discussion, old", discussionLink(), discussion({ updatedAt: daysAgo(31) }), "stale", "open", "no activity for 31 days"],
  ["branch merged via PR", branchLink(), branch({ pulls: [summary({ state: "MERGED" })] }), "done", "merged", "branch rfranzke/gardener:improve-seed-authz merged in gardener/gardener#700"],
  ["branch with open PR", branchLink(), branch({ pulls: [summary({ updatedAt: daysAgo(4) })], lastCommit: { oid: "a", committedDate: daysAgo(40) } }), "active", "open", "PR gardener/gardener#700 open, last activity 4 days ago"],
  ["branch whose PR was closed without merge", branchLink(), branch({ pulls: [summary({ state: "CLOSED", closedAt: daysAgo(9) })] }), "abandoned", "closed", "closed without merge"],
  ["branch without PR, recent commits", branchLink(), branch({ lastCommit: { oid: "a", committedDate: daysAgo(2) } }), "active", "no PR", "has no pull request yet; last commit 2 days ago"],
  ["branch without PR, last commit 11 months ago", branchLink(), branch({ lastCommit: { oid: "a", committedDate: daysAgo(340) } }), "unpublished", "no PR", "branch rfranzke/gardener:improve-seed-authz has no pull request; last commit 11 months ago"],
  ["tree link into a file", branchLink(), branch({ path: "docs/usage.md" }), "ignored", "file", "is a link to the file docs/usage.md"],
  ["commit on the default branch", commitLink(), commit(), "done", "merged", "commit gardener/gardener@1a2b3c4 is on the default branch"],
  ["commit off the default branch, old", commitLink(), commit({ onDefaultBranch: false, committedDate: daysAgo(100) }), "unpublished", "no PR", "is not on the default branch; committed 3 months ago"],
  ["commit off the default branch, recent", commitLink(), commit({ onDefaultBranch: false }), "active", "no PR", "committed 2 days ago"],
  ["deleted / wrong number", pullLink(99999), { type: "pull", status: "missing", message: "Could not resolve to a PullRequest" }, "missing", "missing", "PR gardener/gardener#99999 not found"],
  ["private repository", pullLink(), { type: "pull", status: "forbidden", message: "Resource not accessible" }, "missing", "missing", "is not accessible (private repository?)"],
  ["GitHub error", pullLink(), { type: "pull", status: "error", message: "Something went wrong" }, "unchecked", "unchecked", "could not be checked (Something went wrong)"],
  ["no state returned", pullLink(), undefined, "unchecked", "unchecked", "no state was returned"],
];

describe("judgeLink", () => {
  it.each(rows)("%s", (_name, link, state, verdict, badge, reason) => {
    const judged = judgeLink(link, state, options);
    expect(judged.verdict).toBe(verdict);
    expect(judged.badge).toBe(badge);
    expect(judged.reason).toContain(reason);
    expect(judged.url).toBe(link.url);
  });

  it("keys links the way the resolver does", () => {
    expect(judgeLink(pullLink(), pull(), options).key).toBe("pull:gardener/gardener#669");
  });

  it("reads an /issues/N link that is really a PR as a PR", () => {
    const link: Link = { ...issueLink(669), kind: "issue-or-pull" };
    expect(judgeLink(link, pull({ state: "MERGED", mergedAt: daysAgo(1) }), options).reason).toMatch(/^PR gardener\/gardener#669 merged/);
  });

  it("says when a stale link stopped moving", () => {
    const judged = judgeLink(pullLink(), pull({ lastHumanActivityAt: "2026-09-01T00:00:00.000Z" }), options);
    expect(judged.stalledSince).toBe("2026-10-01T00:00:00.000Z");
  });
});

describe.each([
  ["open PR", (at: string) => judgeLink(pullLink(), pull({ lastHumanActivityAt: at }), options), "stale"],
  ["open issue", (at: string) => judgeLink(issueLink(), issue({ lastHumanActivityAt: at }), options), "stale"],
  ["branch without PR", (at: string) => judgeLink(branchLink(), branch({ lastCommit: { oid: "a", committedDate: at } }), options), "unpublished"],
] as const)("staleAfterDays = 30 for %s (UTC)", (_name, judge, late) => {
  it.each([
    [29, "active"],
    [30, "active"],
    [31, late],
  ])("activity %i days before now → %s", (days, verdict) => {
    expect(judge(new Date(NOW.getTime() - days * DAY).toISOString()).verdict).toBe(verdict);
  });

  it("one millisecond past 30 days is already too long", () => {
    expect(judge(new Date(NOW.getTime() - 30 * DAY - 1).toISOString()).verdict).toBe(late);
  });
});
