/**
 * The stand-in's "world": the GitHub data it answers from, as plain JSON-serialisable objects.
 *
 * Format (every date is an ISO string, every login is GitHub's REST login, bots end in `[bot]`):
 *
 *   World
 *     app            { id, slug, name }                     — the GitHub App; its bot is `<slug>[bot]`
 *     users          { [login]: { login, type, id } }       — optional; unknown logins are Users
 *                                                             (Bots when they end in `[bot]`)
 *     installations  [{ id, account, repos }]               — `repos`: "all" or ["owner/name", …]
 *     repos          { ["owner/name" lower-cased]: Repo }
 *     nextId         next database id handed out for comments, issues, reactions
 *
 *   Repo
 *     owner, name, id, private, defaultBranch
 *     branches       { [name]: { commits: Commit[] } }       — oldest first; the head is the last
 *     files          { [branch name or commit oid]: { [path]: text } }
 *     pulls          { [number]: Pull }                      — pulls and issues share one number space
 *     issues         { [number]: Issue }
 *     discussions    { [number]: Discussion }
 *     labels         { [name]: { name, color, description } }
 *     collaborators  { [login]: "admin"|"maintain"|"write"|"triage"|"read" }  — others: "none"/"read"
 *
 *   Commit  { oid, message, committedDate, author }
 *   Pull    { number, title, body, state OPEN|CLOSED|MERGED, draft, createdAt, updatedAt, closedAt,
 *             mergedAt, author, head { repo "owner/name", branch }, base (branch), reviews, comments,
 *             reviewDecision, commits (oldest first), checks (rollup state), changedFiles, labels }
 *   Issue   { number, title, body, state OPEN|CLOSED, stateReason, createdAt, updatedAt, closedAt,
 *             author, comments, labels, assignees, closedBy ["owner/name#N", …] }
 *   Comment { id, author, body, createdAt, updatedAt, reactions [{ id, user, content, createdAt }] }
 *
 * Builders below fill every field with a plausible default, so a test writes only what it asserts on.
 * Lookups (findRepo, filesAt, visibleRepo, …) live in world-lookups.ts and are re-exported here.
 */
import { makeOid, repoKey, userOf } from "./world-lookups.js";

export * from "./world-lookups.js";

export type UserType = "User" | "Bot" | "Organization";
export type Permission = "admin" | "maintain" | "write" | "triage" | "read" | "none";
export type PullStateName = "OPEN" | "CLOSED" | "MERGED";
export type IssueStateReason = "COMPLETED" | "NOT_PLANNED" | "REOPENED" | "DUPLICATE" | null;
export type ReactionContent = "+1" | "-1" | "laugh" | "confused" | "heart" | "hooray" | "rocket" | "eyes";
export type ReviewStateName = "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "DISMISSED" | "PENDING";
export type ReviewDecision = "APPROVED" | "CHANGES_REQUESTED" | "REVIEW_REQUIRED" | null;
export type CheckState = "SUCCESS" | "FAILURE" | "PENDING" | "ERROR" | "EXPECTED" | null;

export interface WorldUser {
  login: string;
  type: UserType;
  id: number;
}

export interface WorldCommit {
  oid: string;
  message: string;
  committedDate: string;
  author: string;
}

export interface WorldBranch {
  /** Oldest first; the branch head is the last one. */
  commits: WorldCommit[];
}

export interface WorldReaction {
  id: number;
  user: string;
  content: ReactionContent;
  createdAt: string;
}

export interface WorldComment {
  id: number;
  author: string;
  body: string;
  createdAt: string;
  updatedAt: string;
  reactions: WorldReaction[];
}

export interface WorldReview {
  author: string;
  state: ReviewStateName;
  submittedAt: string;
  body: string;
}

export interface WorldPull {
  number: number;
  title: string;
  body: string;
  state: PullStateName;
  draft: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  mergedAt: string | null;
  author: string;
  head: { repo: string; branch: string };
  base: string;
  reviews: WorldReview[];
  comments: WorldComment[];
  reviewDecision: ReviewDecision;
  /** Oldest first. */
  commits: WorldCommit[];
  checks: CheckState;
  changedFiles: string[];
  labels: string[];
}

export interface WorldIssue {
  number: number;
  title: string;
  body: string;
  state: "OPEN" | "CLOSED";
  stateReason: IssueStateReason;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  author: string;
  comments: WorldComment[];
  labels: string[];
  assignees: string[];
  /** Pull requests that close it, as "owner/name#N". */
  closedBy: string[];
}

export interface WorldDiscussion {
  number: number;
  title: string;
  body: string;
  closed: boolean;
  stateReason: "RESOLVED" | "OUTDATED" | "DUPLICATE" | "REOPENED" | null;
  isAnswered: boolean;
  createdAt: string;
  updatedAt: string;
  author: string;
}

export interface WorldLabel {
  name: string;
  color: string;
  description: string;
}

export interface WorldRepo {
  id: number;
  owner: string;
  name: string;
  private: boolean;
  defaultBranch: string;
  branches: Record<string, WorldBranch>;
  files: Record<string, Record<string, string>>;
  pulls: Record<number, WorldPull>;
  issues: Record<number, WorldIssue>;
  discussions: Record<number, WorldDiscussion>;
  labels: Record<string, WorldLabel>;
  collaborators: Record<string, Permission>;
}

export interface WorldInstallation {
  id: number;
  account: string;
  repos: "all" | string[];
}

export interface World {
  app: { id: number; slug: string; name: string };
  users: Record<string, WorldUser>;
  installations: WorldInstallation[];
  repos: Record<string, WorldRepo>;
  nextId: number;
  /** How far GitHub's clock is from the host's (ms; negative: behind). Stamps writes and the `Date` header. */
  clockOffsetMs?: number;
}

/** The stand-in's "now" (GitHub's clock): the host's, shifted by `clockOffsetMs`. */
export function worldNow(world: Pick<World, "clockOffsetMs">): Date {
  return new Date(Date.now() + (world.clockOffsetMs ?? 0));
}

const DEFAULT_DATE = "2026-10-01T12:00:00Z";

export function createWorld(app: Partial<World["app"]> = {}): World {
  return {
    app: { id: 4242, slug: "wrapup-tracker", name: "wrapup-tracker", ...app },
    users: {},
    installations: [],
    repos: {},
    nextId: 1000,
  };
}

export function nextId(world: World): number {
  world.nextId += 1;
  return world.nextId;
}

export function addUser(world: World, login: string, type: UserType = "User"): WorldUser {
  const user: WorldUser = { login, type, id: userOf(world, login).id };
  world.users[login] = user;
  return user;
}

export function addInstallation(world: World, id: number, account: string, repos: "all" | string[] = "all"): WorldInstallation {
  const installation: WorldInstallation = { id, account, repos };
  world.installations.push(installation);
  return installation;
}

export interface RepoOptions {
  private?: boolean;
  defaultBranch?: string;
  /** Files on the default branch. */
  files?: Record<string, string>;
  collaborators?: Record<string, Permission>;
  /** Date of the default branch's only commit. */
  at?: string;
}

export function addRepo(world: World, fullName: string, options: RepoOptions = {}): WorldRepo {
  const [owner = "", name = ""] = fullName.split("/");
  const defaultBranch = options.defaultBranch ?? "main";
  const repo: WorldRepo = {
    id: nextId(world),
    owner,
    name,
    private: options.private ?? false,
    defaultBranch,
    branches: {},
    files: { [defaultBranch]: { ...options.files } },
    pulls: {},
    issues: {},
    discussions: {},
    labels: {},
    collaborators: { ...options.collaborators },
  };
  world.repos[repoKey(fullName)] = repo;
  addBranch(repo, defaultBranch, { commits: [{ committedDate: options.at ?? DEFAULT_DATE, author: owner }] });
  return repo;
}

export function requireRepo(world: World, fullName: string): WorldRepo {
  return world.repos[repoKey(fullName)] ?? addRepo(world, fullName);
}

export function makeCommit(seed: string, partial: Partial<WorldCommit> = {}): WorldCommit {
  return {
    oid: partial.oid ?? makeOid(seed),
    message: partial.message ?? `Commit ${seed}`,
    committedDate: partial.committedDate ?? DEFAULT_DATE,
    author: partial.author ?? "octocat",
  };
}

export function addBranch(
  repo: WorldRepo,
  name: string,
  options: { commits?: Partial<WorldCommit>[]; files?: Record<string, string> } = {},
): WorldBranch {
  const seeds = options.commits ?? [{}];
  const commits = seeds.map((c, i) => makeCommit(`${repo.owner}/${repo.name}@${name}#${i}`, c));
  // A new branch forks from the default branch's history, like `git switch -c` would.
  const base = name === repo.defaultBranch ? [] : (repo.branches[repo.defaultBranch]?.commits ?? []);
  const branch: WorldBranch = { commits: [...base, ...commits] };
  repo.branches[name] = branch;
  if (options.files) repo.files[name] = { ...repo.files[repo.defaultBranch], ...options.files };
  return branch;
}

const highestNumber = new WeakMap<WorldRepo, number>();

/** The next free number in the repo's shared pull/issue/discussion space (cached: worlds get big). */
export function nextNumber(repo: WorldRepo): number {
  const cached = highestNumber.get(repo);
  const taken = (n: number) => n in repo.pulls || n in repo.issues || n in repo.discussions;
  if (cached !== undefined && !taken(cached + 1)) return cached + 1;
  let max = 0;
  for (const record of [repo.pulls, repo.issues, repo.discussions]) {
    for (const n of Object.keys(record)) max = Math.max(max, Number(n));
  }
  highestNumber.set(repo, max);
  return max + 1;
}

function noteNumber(repo: WorldRepo, number: number): void {
  highestNumber.set(repo, Math.max(highestNumber.get(repo) ?? 0, number));
}

export type PullOptions = Partial<Omit<WorldPull, "head">> & {
  head?: Partial<WorldPull["head"]>;
  /** Files the PR changes, with their text at its head; also sets `changedFiles`. */
  files?: Record<string, string>;
};

export function addPull(world: World, fullName: string, options: PullOptions = {}): WorldPull {
  const repo = requireRepo(world, fullName);
  const number = options.number ?? nextNumber(repo);
  const createdAt = options.createdAt ?? DEFAULT_DATE;
  const headRepoName = options.head?.repo ?? fullName;
  const headBranch = options.head?.branch ?? `topic-${number}`;
  const commits = options.commits ?? [makeCommit(`${fullName}#${number}`, { committedDate: createdAt, author: options.author })];
  const state = options.state ?? "OPEN";
  const pull: WorldPull = {
    number,
    title: options.title ?? `Pull request ${number}`,
    body: options.body ?? "",
    state,
    draft: options.draft ?? false,
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
    closedAt: options.closedAt ?? (state === "OPEN" ? null : (options.mergedAt ?? options.updatedAt ?? createdAt)),
    mergedAt: options.mergedAt ?? (state === "MERGED" ? (options.closedAt ?? options.updatedAt ?? createdAt) : null),
    author: options.author ?? "octocat",
    head: { repo: headRepoName, branch: headBranch },
    base: options.base ?? repo.defaultBranch,
    reviews: options.reviews ?? [],
    comments: options.comments ?? [],
    reviewDecision: options.reviewDecision ?? null,
    commits,
    checks: options.checks ?? null,
    changedFiles: options.changedFiles ?? Object.keys(options.files ?? {}),
    labels: options.labels ?? [],
  };
  repo.pulls[number] = pull;
  noteNumber(repo, number);
  const headRepo = requireRepo(world, headRepoName);
  if (!headRepo.branches[headBranch] && state === "OPEN") {
    headRepo.branches[headBranch] = { commits: [...(headRepo.branches[headRepo.defaultBranch]?.commits ?? []), ...commits] };
  }
  if (options.files) {
    headRepo.files[headBranch] = { ...headRepo.files[headRepo.defaultBranch], ...options.files };
  }
  return pull;
}

export type IssueOptions = Partial<WorldIssue>;

export function addIssue(world: World, fullName: string, options: IssueOptions = {}): WorldIssue {
  const repo = requireRepo(world, fullName);
  const number = options.number ?? nextNumber(repo);
  const createdAt = options.createdAt ?? DEFAULT_DATE;
  const state = options.state ?? "OPEN";
  const issue: WorldIssue = {
    number,
    title: options.title ?? `Issue ${number}`,
    body: options.body ?? "",
    state,
    stateReason: options.stateReason ?? (state === "CLOSED" ? "COMPLETED" : null),
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
    closedAt: options.closedAt ?? (state === "CLOSED" ? (options.updatedAt ?? createdAt) : null),
    author: options.author ?? "octocat",
    comments: options.comments ?? [],
    labels: options.labels ?? [],
    assignees: options.assignees ?? [],
    closedBy: options.closedBy ?? [],
  };
  repo.issues[number] = issue;
  noteNumber(repo, number);
  return issue;
}

export function addDiscussion(world: World, fullName: string, options: Partial<WorldDiscussion> = {}): WorldDiscussion {
  const repo = requireRepo(world, fullName);
  const number = options.number ?? nextNumber(repo);
  const createdAt = options.createdAt ?? DEFAULT_DATE;
  const discussion: WorldDiscussion = {
    number,
    title: options.title ?? `Discussion ${number}`,
    body: options.body ?? "",
    closed: options.closed ?? false,
    stateReason: options.stateReason ?? null,
    isAnswered: options.isAnswered ?? false,
    createdAt,
    updatedAt: options.updatedAt ?? createdAt,
    author: options.author ?? "octocat",
  };
  repo.discussions[number] = discussion;
  noteNumber(repo, number);
  return discussion;
}

export function makeComment(world: World, author: string, body: string, at: string = DEFAULT_DATE): WorldComment {
  return { id: nextId(world), author, body, createdAt: at, updatedAt: at, reactions: [] };
}

