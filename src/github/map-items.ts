/** Maps GraphQL nodes of pull requests, issues and discussions to the resolver's states. */
import type { Actor, DiscussionState, IssueState, PullState, PullSummary } from "./types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON shaped by our own fragments
type Raw = Record<string, any>;

export interface MapOptions {
  /** Extra logins whose activity never counts as human (this app's own bot, CI users). Case-insensitive. */
  ignoreLogins?: ReadonlySet<string>;
}

export function toActor(raw: Raw | null | undefined): Actor | null {
  if (!raw?.login) return null;
  const login = String(raw.login);
  return { login, isBot: raw.__typename === "Bot" || login.endsWith("[bot]") };
}

function isHuman(raw: Raw | null | undefined, options: MapOptions): boolean {
  const actor = toActor(raw);
  return !!actor && !actor.isBot && !options.ignoreLogins?.has(actor.login.toLowerCase());
}

/** The newest of the given ISO dates (null when none). ISO strings in UTC sort as text. */
export function newest(dates: (string | null | undefined)[]): string | null {
  let best: string | null = null;
  for (const date of dates) if (date && (!best || Date.parse(date) > Date.parse(best))) best = date;
  return best;
}

function splitNameWithOwner(raw: Raw | null | undefined): { owner: string; repo: string } | null {
  const [owner, repo] = String(raw?.nameWithOwner ?? "").split("/");
  return owner && repo ? { owner, repo } : null;
}

export function toPullSummary(raw: Raw): PullSummary {
  const repo = splitNameWithOwner(raw.repository) ?? { owner: "", repo: "" };
  return {
    ...repo,
    number: raw.number,
    url: raw.url,
    title: raw.title,
    state: raw.pullState,
    isDraft: !!raw.isDraft,
    mergedAt: raw.mergedAt ?? null,
    closedAt: raw.closedAt ?? null,
    updatedAt: raw.updatedAt,
    author: toActor(raw.author),
  };
}

function isSamePull(a: PullSummary, b: PullSummary): boolean {
  return a.number === b.number && a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}

/** PRs from the head branch other than `self`; none once the branch is deleted (`headRef: null`). */
function otherPullsFromHead(headRef: Raw | null | undefined, self: PullSummary): PullSummary[] {
  const nodes: Raw[] = (headRef?.associatedPullRequests?.nodes ?? []).filter(Boolean);
  return nodes.map(toPullSummary).filter((pull) => !isSamePull(pull, self));
}

/** Dates of comments and reviews by humans in a timeline connection. */
function humanActivity(connection: Raw | null | undefined, options: MapOptions): string[] {
  const nodes: Raw[] = (connection?.nodes ?? []).filter(Boolean);
  return nodes.filter((n) => isHuman(n.author, options)).map((n) => n.submittedAt ?? n.createdAt);
}

export function toPullState(raw: Raw, options: MapOptions): PullState {
  const summary = toPullSummary(raw);
  const lastCommitAt: string | null = raw.lastCommit?.nodes?.[0]?.commit?.committedDate ?? null;
  const head = splitNameWithOwner(raw.headRepository);
  const base = splitNameWithOwner(raw.baseRepository) ?? { owner: summary.owner, repo: summary.repo };
  return {
    type: "pull",
    status: "ok",
    ...summary,
    createdAt: raw.createdAt,
    head: head ? { ...head, branch: raw.headRefName } : null,
    base: { ...base, branch: raw.baseRefName },
    reviewDecision: raw.reviewDecision ?? null,
    lastCommitAt,
    checks: raw.statusCheckRollup?.state ?? null,
    lastHumanActivityAt: newest([lastCommitAt, ...humanActivity(raw.pullActivity, options)]),
    otherPullsFromHead: otherPullsFromHead(raw.headRef, summary),
  };
}

export function toIssueState(raw: Raw, owner: string, repo: string, options: MapOptions): IssueState {
  const closedBy: Raw[] = (raw.closedBy?.nodes ?? []).filter(Boolean);
  return {
    type: "issue",
    status: "ok",
    owner,
    repo,
    number: raw.number,
    url: raw.url,
    title: raw.title,
    state: raw.issueState,
    stateReason: raw.stateReason ?? null,
    closedAt: raw.closedAt ?? null,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
    author: toActor(raw.author),
    // Opening the issue is activity too, when a person did it.
    lastHumanActivityAt: newest([
      isHuman(raw.author, options) ? raw.createdAt : null,
      ...humanActivity(raw.issueActivity, options),
    ]),
    closedBy: closedBy.map(toPullSummary),
  };
}

export function toDiscussionState(raw: Raw, owner: string, repo: string): DiscussionState {
  return {
    type: "discussion",
    status: "ok",
    owner,
    repo,
    number: raw.number,
    url: raw.url,
    title: raw.title,
    closed: !!raw.closed,
    stateReason: raw.stateReason ?? null,
    isAnswered: !!raw.isAnswered,
    createdAt: raw.createdAt,
    updatedAt: raw.updatedAt,
  };
}
