/**
 * GraphQL views over the world: plain objects whose properties are field values and whose methods
 * take the field's arguments — exactly what graphql-js's default field resolver calls. Views are
 * built lazily, one field at a time, so a 10,000-item world costs nothing until asked.
 */
import { makeConnection, type ConnectionArgs } from "./graphql-connection.js";
import {
  filesAt,
  findCommit,
  makeOid,
  repoKey,
  userOf,
  visibleRepo,
  type World,
  type WorldComment,
  type WorldCommit,
  type WorldDiscussion,
  type WorldIssue,
  type WorldPull,
  type WorldRepo,
} from "./world.js";

/** GitHub's NOT_FOUND: the field is null and the error carries `type: "NOT_FOUND"`. */
export class NotFoundError extends Error {
  readonly type = "NOT_FOUND";
}

const WEB = "https://github.com";

function nodeId(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`).toString("base64url");
}

export function actorView(world: World, login: string | null) {
  if (!login) return null;
  const user = userOf(world, login);
  const typename = user.type;
  // GraphQL shows a bot's login without the `[bot]` suffix REST uses.
  const shown = typename === "Bot" ? login.replace(/\[bot\]$/, "") : login;
  return {
    __typename: typename,
    id: nodeId(typename, login),
    databaseId: user.id,
    login: shown,
    name: null,
    url: `${WEB}/${typename === "Bot" ? "apps/" : ""}${shown}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}`,
    resourcePath: `/${shown}`,
  };
}

function reactionEnum(content: string): string {
  return content === "+1" ? "THUMBS_UP" : content === "-1" ? "THUMBS_DOWN" : content.toUpperCase();
}

function commentView(world: World, comment: WorldComment, url: string) {
  return {
    __typename: "IssueComment",
    id: nodeId("IssueComment", String(comment.id)),
    databaseId: comment.id,
    body: comment.body,
    bodyText: comment.body,
    author: actorView(world, comment.author),
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    lastEditedAt: comment.updatedAt === comment.createdAt ? null : comment.updatedAt,
    publishedAt: comment.createdAt,
    url: `${url}#issuecomment-${comment.id}`,
    isMinimized: false,
    viewerDidAuthor: false,
    reactions: (args: ConnectionArgs & { content?: string | null }) =>
      makeConnection(
        comment.reactions
          .filter((r) => !args.content || reactionEnum(r.content) === args.content)
          .map((r) => ({ __typename: "Reaction", id: nodeId("Reaction", String(r.id)), databaseId: r.id, content: reactionEnum(r.content), createdAt: r.createdAt, user: actorView(world, r.user) })),
        args,
      ),
  };
}

function labelsConnection(world: World, repo: WorldRepo, names: string[], args: ConnectionArgs) {
  return makeConnection(
    names.map((name) => ({
      __typename: "Label",
      id: nodeId("Label", name),
      name,
      color: repo.labels[name]?.color ?? "ededed",
      description: repo.labels[name]?.description ?? null,
    })),
    args,
  );
}

function branchContaining(repo: WorldRepo, oid: string): WorldCommit[] | undefined {
  const preferred = repo.branches[repo.defaultBranch]?.commits;
  if (preferred?.some((c) => c.oid === oid)) return preferred;
  return Object.values(repo.branches).find((b) => b.commits.some((c) => c.oid === oid))?.commits;
}

interface HistoryArgs extends ConnectionArgs {
  since?: string | null;
  until?: string | null;
}

export function commitView(world: World, repo: WorldRepo, commit: WorldCommit, checks: string | null = null): Record<string, unknown> {
  const url = `${WEB}/${repo.owner}/${repo.name}/commit/${commit.oid}`;
  const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.committedDate, user: actorView(world, commit.author) };
  return {
    __typename: "Commit",
    id: nodeId("Commit", commit.oid),
    oid: commit.oid,
    abbreviatedOid: commit.oid.slice(0, 7),
    committedDate: commit.committedDate,
    authoredDate: commit.committedDate,
    pushedDate: commit.committedDate,
    message: commit.message,
    messageHeadline: commit.message.split("\n")[0],
    url,
    commitUrl: url,
    author: person,
    committer: person,
    repository: () => repoView(world, repo),
    statusCheckRollup: checks ? { __typename: "StatusCheckRollup", id: nodeId("Rollup", commit.oid), state: checks } : null,
    history: (args: HistoryArgs) => {
      const line = branchContaining(repo, commit.oid) ?? [commit];
      const upTo = line.slice(0, line.findIndex((c) => c.oid === commit.oid) + 1).reverse();
      const filtered = upTo.filter(
        (c) => (!args.since || c.committedDate >= args.since) && (!args.until || c.committedDate <= args.until),
      );
      return makeConnection(filtered.map((c) => commitView(world, repo, c)), args);
    },
    parents: (args: ConnectionArgs) => {
      const line = branchContaining(repo, commit.oid) ?? [];
      const index = line.findIndex((c) => c.oid === commit.oid);
      const parent = index > 0 ? line[index - 1] : undefined;
      return makeConnection(parent ? [commitView(world, repo, parent)] : [], args);
    },
    associatedPullRequests: (args: ConnectionArgs & { states?: string[] | null }) => {
      const pulls = allPulls(world).filter(({ pull }) => pull.commits.some((c) => c.oid === commit.oid));
      return makeConnection(filterStates(pulls, args.states).map(({ repo: r, pull }) => pullView(world, r, pull)), args);
    },
  };
}

function allPulls(world: World): { repo: WorldRepo; pull: WorldPull }[] {
  const result: { repo: WorldRepo; pull: WorldPull }[] = [];
  for (const repo of Object.values(world.repos)) {
    for (const pull of Object.values(repo.pulls)) result.push({ repo, pull });
  }
  return result;
}

function filterStates<T extends { pull: WorldPull }>(pulls: T[], states: string[] | null | undefined): T[] {
  return states?.length ? pulls.filter(({ pull }) => states.includes(pull.state)) : pulls;
}

/** The commits (oldest first) reachable from a branch name or a commit oid; undefined when unknown. */
function historyOf(repo: WorldRepo, ref: string): WorldCommit[] | undefined {
  const named = repo.branches[ref];
  if (named) return named.commits;
  const commit = findCommit(repo, ref);
  const line = commit && branchContaining(repo, commit.oid);
  return line?.slice(0, line.findIndex((c) => c.oid === commit?.oid) + 1);
}

function refView(world: World, repo: WorldRepo, name: string) {
  const branch = repo.branches[name];
  if (!branch) return null;
  const head = branch.commits.at(-1);
  return {
    __typename: "Ref",
    id: nodeId("Ref", `${repo.owner}/${repo.name}@${name}`),
    name,
    prefix: "refs/heads/",
    repository: () => repoView(world, repo),
    target: head ? commitView(world, repo, head) : null,
    associatedPullRequests: (args: ConnectionArgs & { states?: string[] | null; orderBy?: { field: string; direction: string } | null }) => {
      const key = repoKey(`${repo.owner}/${repo.name}`);
      // Includes PRs from this (fork) branch into any repo, e.g. its upstream — as GitHub does.
      const pulls = allPulls(world).filter(({ pull }) => repoKey(pull.head.repo) === key && pull.head.branch === name);
      if (args.orderBy) {
        const sign = args.orderBy.direction === "DESC" ? -1 : 1;
        const field = args.orderBy.field === "UPDATED_AT" ? "updatedAt" : "createdAt";
        pulls.sort((a, b) => sign * a.pull[field].localeCompare(b.pull[field]));
      }
      return makeConnection(filterStates(pulls, args.states).map(({ repo: r, pull }) => pullView(world, r, pull)), args);
    },
    compare: ({ headRef }: { headRef: string }) => {
      const headName = headRef.replace(/^refs\/heads\//, "");
      const line = historyOf(repo, headName);
      if (!line) return null;
      const baseOids = new Set(branch.commits.map((c) => c.oid));
      const headOids = new Set(line.map((c) => c.oid));
      const aheadBy = line.filter((c) => !baseOids.has(c.oid)).length;
      const behindBy = branch.commits.filter((c) => !headOids.has(c.oid)).length;
      const status = aheadBy && behindBy ? "DIVERGED" : aheadBy ? "AHEAD" : behindBy ? "BEHIND" : "IDENTICAL";
      return { __typename: "Comparison", id: nodeId("Comparison", `${name}...${headName}`), aheadBy, behindBy, status };
    },
  };
}

interface TimelineArgs extends ConnectionArgs {
  itemTypes?: string[] | null;
  since?: string | null;
}

/** `timelineItems`: comments and reviews in time order, filtered by `itemTypes` and `since`. */
function timeline(args: TimelineArgs, items: { type: string; at: string; node: unknown }[]) {
  const kept = items
    .filter((item) => !args.itemTypes?.length || args.itemTypes.includes(item.type))
    .filter((item) => !args.since || item.at >= args.since)
    .sort((a, b) => a.at.localeCompare(b.at));
  return { ...makeConnection(kept.map((item) => item.node), args), filteredCount: kept.length, pageCount: kept.length, updatedAt: kept.at(-1)?.at ?? "2026-01-01T00:00:00Z" };
}

export function pullView(world: World, repo: WorldRepo, pull: WorldPull): Record<string, unknown> {
  const url = `${WEB}/${repo.owner}/${repo.name}/pull/${pull.number}`;
  const headRepo = world.repos[repoKey(pull.head.repo)];
  const last = pull.commits.at(-1);
  const reviews = pull.reviews.map((r, i) => ({
    __typename: "PullRequestReview",
    id: nodeId("PullRequestReview", `${url}/${i}`),
    author: actorView(world, r.author),
    state: r.state,
    body: r.body,
    submittedAt: r.submittedAt,
    createdAt: r.submittedAt,
    updatedAt: r.submittedAt,
    url: `${url}#pullrequestreview-${i}`,
  }));
  return {
    __typename: "PullRequest",
    id: nodeId("PullRequest", `${repo.owner}/${repo.name}#${pull.number}`),
    databaseId: pull.number * 1000 + repo.id,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    bodyText: pull.body,
    url,
    permalink: url,
    state: pull.state,
    closed: pull.state !== "OPEN",
    merged: pull.state === "MERGED",
    isDraft: pull.draft,
    createdAt: pull.createdAt,
    updatedAt: pull.updatedAt,
    closedAt: pull.closedAt,
    mergedAt: pull.mergedAt,
    lastEditedAt: null,
    author: actorView(world, pull.author),
    headRefName: pull.head.branch,
    headRefOid: last?.oid ?? makeOid(url),
    baseRefName: pull.base,
    baseRefOid: repo.branches[pull.base]?.commits.at(-1)?.oid ?? makeOid(`${url}/base`),
    isCrossRepository: repoKey(pull.head.repo) !== repoKey(`${repo.owner}/${repo.name}`),
    headRepository: headRepo ? repoView(world, headRepo) : null,
    headRepositoryOwner: headRepo ? actorView(world, headRepo.owner) : null,
    baseRepository: repoView(world, repo),
    repository: () => repoView(world, repo),
    reviewDecision: pull.reviewDecision,
    changedFiles: pull.changedFiles.length,
    additions: pull.changedFiles.length * 10,
    deletions: 0,
    mergeable: "MERGEABLE",
    commits: (args: ConnectionArgs) =>
      makeConnection(
        pull.commits.map((c, i) => ({
          __typename: "PullRequestCommit",
          id: nodeId("PullRequestCommit", c.oid),
          url: `${url}/commits/${c.oid}`,
          commit: commitView(world, repo, c, i === pull.commits.length - 1 ? pull.checks : null),
        })),
        args,
      ),
    reviews: (args: ConnectionArgs & { states?: string[] | null }) =>
      makeConnection(reviews.filter((r) => !args.states?.length || args.states.includes(String(r.state))), args),
    statusCheckRollup: pull.checks ? { __typename: "StatusCheckRollup", id: nodeId("Rollup", last?.oid ?? url), state: pull.checks } : null,
    timelineItems: (args: TimelineArgs) =>
      timeline(args, [
        ...pull.comments.map((c) => ({ type: "ISSUE_COMMENT", at: c.createdAt, node: commentView(world, c, url) })),
        ...reviews.map((r) => ({ type: "PULL_REQUEST_REVIEW", at: String(r.submittedAt), node: r })),
      ]),
    comments: (args: ConnectionArgs) => makeConnection(pull.comments.map((c) => commentView(world, c, url)), args),
    labels: (args: ConnectionArgs) => labelsConnection(world, repo, pull.labels, args),
    files: (args: ConnectionArgs) =>
      makeConnection(
        pull.changedFiles.map((path) => ({ __typename: "PullRequestChangedFile", path, additions: 10, deletions: 0, changeType: "MODIFIED" })),
        args,
      ),
    closingIssuesReferences: (args: ConnectionArgs) => {
      const me = `${repo.owner}/${repo.name}#${pull.number}`.toLowerCase();
      const issues = Object.values(repo.issues).filter((i) => i.closedBy.some((ref) => ref.toLowerCase() === me));
      return makeConnection(issues.map((i) => issueView(world, repo, i)), args);
    },
  };
}

function pullsByRef(world: World, refs: string[]): { repo: WorldRepo; pull: WorldPull }[] {
  const found: { repo: WorldRepo; pull: WorldPull }[] = [];
  for (const ref of refs) {
    const match = /^([^/]+)\/([^#]+)#(\d+)$/.exec(ref);
    const repo = match ? world.repos[repoKey(`${match[1]}/${match[2]}`)] : undefined;
    const pull = repo?.pulls[Number(match?.[3])];
    if (repo && pull) found.push({ repo, pull });
  }
  return found;
}

export function issueView(world: World, repo: WorldRepo, issue: WorldIssue): Record<string, unknown> {
  const url = `${WEB}/${repo.owner}/${repo.name}/issues/${issue.number}`;
  return {
    __typename: "Issue",
    id: nodeId("Issue", `${repo.owner}/${repo.name}#${issue.number}`),
    databaseId: issue.number * 1000 + repo.id,
    number: issue.number,
    title: issue.title,
    body: issue.body,
    bodyText: issue.body,
    url,
    state: issue.state,
    stateReason: issue.stateReason,
    closed: issue.state === "CLOSED",
    closedAt: issue.closedAt,
    createdAt: issue.createdAt,
    updatedAt: issue.updatedAt,
    lastEditedAt: null,
    author: actorView(world, issue.author),
    repository: () => repoView(world, repo),
    comments: (args: ConnectionArgs) => makeConnection(issue.comments.map((c) => commentView(world, c, url)), args),
    timelineItems: (args: TimelineArgs) =>
      timeline(args, issue.comments.map((c) => ({ type: "ISSUE_COMMENT", at: c.createdAt, node: commentView(world, c, url) }))),
    labels: (args: ConnectionArgs) => labelsConnection(world, repo, issue.labels, args),
    assignees: (args: ConnectionArgs) => makeConnection(issue.assignees.map((a) => actorView(world, a)), args),
    // Without includeClosedPrs GitHub leaves out closed (unmerged) PRs; merged ones stay.
    closedByPullRequestsReferences: (args: ConnectionArgs & { includeClosedPrs?: boolean | null }) => {
      const pulls = pullsByRef(world, issue.closedBy).filter(({ pull }) => args.includeClosedPrs || pull.state !== "CLOSED");
      return makeConnection(pulls.map(({ repo: r, pull }) => pullView(world, r, pull)), args);
    },
  };
}

function discussionView(world: World, repo: WorldRepo, discussion: WorldDiscussion) {
  const url = `${WEB}/${repo.owner}/${repo.name}/discussions/${discussion.number}`;
  return {
    __typename: "Discussion",
    id: nodeId("Discussion", `${repo.owner}/${repo.name}#${discussion.number}`),
    number: discussion.number,
    title: discussion.title,
    body: discussion.body,
    url,
    closed: discussion.closed,
    closedAt: discussion.closed ? discussion.updatedAt : null,
    stateReason: discussion.stateReason,
    isAnswered: discussion.isAnswered,
    answer: null,
    createdAt: discussion.createdAt,
    updatedAt: discussion.updatedAt,
    author: actorView(world, discussion.author),
    repository: () => repoView(world, repo),
    comments: (args: ConnectionArgs) => makeConnection([], args),
  };
}

function blobView(text: string) {
  const oid = makeOid(`blob ${text}`);
  return { __typename: "Blob", id: nodeId("Blob", oid), oid, abbreviatedOid: oid.slice(0, 7), text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false };
}

function treeView(files: Record<string, string>, dir: string): Record<string, unknown> {
  const prefix = dir ? `${dir.replace(/\/$/, "")}/` : "";
  const names = new Map<string, "blob" | "tree">();
  for (const path of Object.keys(files)) {
    if (!path.startsWith(prefix)) continue;
    const [first, ...rest] = path.slice(prefix.length).split("/");
    if (first) names.set(first, rest.length ? "tree" : "blob");
  }
  const oid = makeOid(`tree ${dir}`);
  return {
    __typename: "Tree",
    id: nodeId("Tree", oid),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    entries: [...names].map(([name, type]) => ({
      __typename: "TreeEntry",
      name,
      path: `${prefix}${name}`,
      type,
      mode: type === "tree" ? 16384 : 33188,
      oid: makeOid(`${type} ${prefix}${name}`),
      extension: type === "blob" && name.includes(".") ? `.${name.split(".").pop()}` : null,
      object: type === "blob" ? blobView(files[`${prefix}${name}`] ?? "") : treeView(files, `${prefix}${name}`),
    })),
  };
}

function objectAt(world: World, repo: WorldRepo, args: { oid?: string | null; expression?: string | null }) {
  if (args.oid) {
    const commit = findCommit(repo, args.oid);
    return commit ? commitView(world, repo, commit) : null;
  }
  if (!args.expression) return null;
  const colon = args.expression.indexOf(":");
  const ref = colon < 0 ? args.expression : args.expression.slice(0, colon);
  if (colon < 0) {
    const commit = repo.branches[ref.replace(/^refs\/heads\//, "")]?.commits.at(-1) ?? findCommit(repo, ref);
    return commit ? commitView(world, repo, commit) : null;
  }
  const files = filesAt(world, repo, ref);
  if (!files) return null;
  const path = args.expression.slice(colon + 1).replace(/^\/+/, "");
  if (path in files) return blobView(files[path] ?? "");
  const isDir = path === "" || Object.keys(files).some((p) => p.startsWith(`${path.replace(/\/$/, "")}/`));
  return isDir ? treeView(files, path) : null;
}

export function repoView(world: World, repo: WorldRepo): Record<string, unknown> {
  const full = `${repo.owner}/${repo.name}`;
  const notFound = (kind: string, n: number) => new NotFoundError(`Could not resolve to ${kind} with the number of ${n}.`);
  return {
    __typename: "Repository",
    id: nodeId("Repository", full),
    databaseId: repo.id,
    name: repo.name,
    nameWithOwner: full,
    owner: actorView(world, repo.owner),
    url: `${WEB}/${full}`,
    isPrivate: repo.private,
    visibility: repo.private ? "PRIVATE" : "PUBLIC",
    isArchived: false,
    isFork: false,
    defaultBranchRef: () => refView(world, repo, repo.defaultBranch),
    ref: ({ qualifiedName }: { qualifiedName: string }) => refView(world, repo, qualifiedName.replace(/^refs\/heads\//, "")),
    object: (args: { oid?: string | null; expression?: string | null }) => objectAt(world, repo, args),
    pullRequest: ({ number }: { number: number }) => {
      const pull = repo.pulls[number];
      if (!pull) throw notFound("a PullRequest", number);
      return pullView(world, repo, pull);
    },
    issue: ({ number }: { number: number }) => {
      const issue = repo.issues[number];
      if (!issue) throw notFound("an Issue", number);
      return issueView(world, repo, issue);
    },
    issueOrPullRequest: ({ number }: { number: number }) => {
      const pull = repo.pulls[number];
      if (pull) return pullView(world, repo, pull);
      const issue = repo.issues[number];
      if (issue) return issueView(world, repo, issue);
      throw notFound("an issue or pull request", number);
    },
    discussion: ({ number }: { number: number }) => {
      const discussion = repo.discussions[number];
      if (!discussion) throw notFound("a Discussion", number);
      return discussionView(world, repo, discussion);
    },
    issues: (args: ConnectionArgs & { states?: string[] | null; labels?: string[] | null }) => {
      const issues = Object.values(repo.issues).filter(
        (i) => (!args.states?.length || args.states.includes(i.state)) && (!args.labels?.length || args.labels.some((l) => i.labels.includes(l))),
      );
      return makeConnection(issues.map((i) => issueView(world, repo, i)), args);
    },
    pullRequests: (args: ConnectionArgs & { states?: string[] | null; headRefName?: string | null }) => {
      const pulls = Object.values(repo.pulls).filter(
        (p) => (!args.states?.length || args.states.includes(p.state)) && (!args.headRefName || p.head.branch === args.headRefName),
      );
      return makeConnection(pulls.map((p) => pullView(world, repo, p)), args);
    },
  };
}

export interface RateLimitView {
  cost: number;
  limit: number;
  remaining: number;
  used: number;
  resetAt: string;
  nodeCount: number;
}

export function queryView(world: World, rateLimit: RateLimitView, viewerLogin: string) {
  return {
    repository: ({ owner, name }: { owner: string; name: string }) => {
      const repo = visibleRepo(world, owner, name);
      if (!repo) throw new NotFoundError(`Could not resolve to a Repository with the name '${owner}/${name}'.`);
      return repoView(world, repo);
    },
    rateLimit: () => rateLimit,
    viewer: () => actorView(world, viewerLogin),
    user: ({ login }: { login: string }) => actorView(world, login),
  };
}
