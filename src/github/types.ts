/** Live state of linked work items, as the resolver returns it. Pure data, JSON-serialisable. */

export type ResolveStatus = "ok" | "missing" | "forbidden" | "error";

export interface Actor {
  login: string;
  isBot: boolean;
}

/** A pull request as seen from elsewhere (a branch's PRs, an issue's closing PRs). */
export interface PullSummary {
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  isDraft: boolean;
  mergedAt: string | null;
  closedAt: string | null;
  updatedAt: string;
  author: Actor | null;
}

export interface PullState {
  type: "pull";
  status: "ok";
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  state: "OPEN" | "CLOSED" | "MERGED";
  isDraft: boolean;
  mergedAt: string | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  author: Actor | null;
  /** `owner/repo:branch`, null when the head repository is gone. */
  head: { owner: string; repo: string; branch: string } | null;
  base: { owner: string; repo: string; branch: string };
  reviewDecision: "APPROVED" | "CHANGES_REQUESTED" | "REVIEW_REQUIRED" | null;
  lastCommitAt: string | null;
  /** Status check rollup of the last commit: SUCCESS, FAILURE, PENDING, ERROR, EXPECTED, or null. */
  checks: string | null;
  /** Newest of: last commit, last review, last comment by a non-bot author. Bots never count. */
  lastHumanActivityAt: string | null;
  /** Other PRs from the same head branch (to tell "closed, replaced" from "abandoned"). */
  otherPullsFromHead?: PullSummary[];
}

export interface IssueState {
  type: "issue";
  status: "ok";
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  state: "OPEN" | "CLOSED";
  stateReason: "COMPLETED" | "NOT_PLANNED" | "REOPENED" | "DUPLICATE" | null;
  closedAt: string | null;
  createdAt: string;
  updatedAt: string;
  author: Actor | null;
  lastHumanActivityAt: string | null;
  /** PRs that close it (`closedByPullRequestsReferences`, closed ones included). */
  closedBy: PullSummary[];
}

export interface DiscussionState {
  type: "discussion";
  status: "ok";
  owner: string;
  repo: string;
  number: number;
  url: string;
  title: string;
  closed: boolean;
  stateReason: "RESOLVED" | "OUTDATED" | "DUPLICATE" | "REOPENED" | null;
  isAnswered: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface BranchState {
  type: "branch";
  status: "ok";
  owner: string;
  repo: string;
  /** The ref that exists (for an ambiguous tree link: the longest existing candidate). */
  branch: string;
  /** Non-empty when the link pointed into a path on the branch: then it is a file link, not work. */
  path: string;
  lastCommit: { oid: string; committedDate: string } | null;
  /** PRs whose head is this branch, including PRs from a fork into its upstream. */
  pulls: PullSummary[];
  /** For compare links: commits ahead of / behind the base. */
  aheadBy?: number;
  behindBy?: number;
}

export interface CommitState {
  type: "commit";
  status: "ok";
  owner: string;
  repo: string;
  oid: string;
  url: string;
  committedDate: string;
  /** Whether the repository's default branch contains the commit; null when unknown. */
  onDefaultBranch: boolean | null;
}

export interface FailedState {
  type: "pull" | "issue" | "discussion" | "issue-or-pull" | "branch" | "commit";
  status: "missing" | "forbidden" | "error";
  /** GitHub's message, or ours, in one sentence. */
  message: string;
}

export type LinkState = PullState | IssueState | DiscussionState | BranchState | CommitState | FailedState;

/** Map from `linkKey(link)` to its state. */
export type ResolvedStates = Map<string, LinkState>;

export interface ResolveStats {
  graphqlRequests: number;
  points: number;
  restRequests: number;
  cacheHits: number;
  ms: number;
}
