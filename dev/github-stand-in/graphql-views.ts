/**
 * GraphQL views over the world: plain objects whose properties are field values and whose methods
 * take the field's arguments — exactly what graphql-js's default field resolver calls. Views are
 * built lazily, one field at a time, so a 10,000-item world costs nothing until asked.
 */
import { makeConnection, type ConnectionArgs } from "./graphql-connection.js";
import { commitView, objectAt, refView } from "./graphql-git-views.js";
import { actorView, commentView, labelsConnection, nodeId, NotFoundError, WEB } from "./graphql-view-parts.js";
import { makeOid, repoKey, visibleRepo, type World, type WorldDiscussion, type WorldIssue, type WorldPull, type WorldRepo } from "./world.js";

export { NotFoundError };

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

