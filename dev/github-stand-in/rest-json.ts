/** REST shapes: the world's objects as GitHub's REST API prints them (the fields clients read). */
import { makeOid, userOf, type World, type WorldComment, type WorldIssue, type WorldPull, type WorldReaction, type WorldRepo } from "./world.js";

const WEB = "https://github.com";

export function userJson(world: World, login: string) {
  const user = userOf(world, login);
  return {
    login: user.login,
    id: user.id,
    node_id: Buffer.from(`User:${user.login}`).toString("base64url"),
    type: user.type,
    site_admin: false,
    html_url: `${WEB}/${user.login}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}`,
  };
}

export function repoJson(world: World, repo: WorldRepo, api: string) {
  const full = `${repo.owner}/${repo.name}`;
  return {
    id: repo.id,
    node_id: Buffer.from(`Repository:${full}`).toString("base64url"),
    name: repo.name,
    full_name: full,
    owner: userJson(world, repo.owner),
    private: repo.private,
    visibility: repo.private ? "private" : "public",
    html_url: `${WEB}/${full}`,
    url: `${api}/repos/${full}`,
    default_branch: repo.defaultBranch,
    archived: false,
    disabled: false,
    fork: false,
    has_issues: true,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  };
}

export function labelJson(repo: WorldRepo, name: string) {
  const label = repo.labels[name];
  return { id: parseInt(makeOid(name).slice(0, 8), 16), name, color: label?.color ?? "ededed", description: label?.description ?? null, default: false };
}

export function reactionJson(world: World, reaction: WorldReaction) {
  return { id: reaction.id, content: reaction.content, user: userJson(world, reaction.user), created_at: reaction.createdAt };
}

function reactionSummary(reactions: WorldReaction[], url: string) {
  const count = (content: string) => reactions.filter((r) => r.content === content).length;
  return {
    url: `${url}/reactions`,
    total_count: reactions.length,
    "+1": count("+1"),
    "-1": count("-1"),
    laugh: count("laugh"),
    hooray: count("hooray"),
    confused: count("confused"),
    heart: count("heart"),
    rocket: count("rocket"),
    eyes: count("eyes"),
  };
}

export function commentJson(world: World, repo: WorldRepo, number: number, comment: WorldComment, api: string) {
  const full = `${repo.owner}/${repo.name}`;
  const url = `${api}/repos/${full}/issues/comments/${comment.id}`;
  return {
    id: comment.id,
    node_id: Buffer.from(`IssueComment:${comment.id}`).toString("base64url"),
    url,
    html_url: `${WEB}/${full}/issues/${number}#issuecomment-${comment.id}`,
    issue_url: `${api}/repos/${full}/issues/${number}`,
    body: comment.body,
    user: userJson(world, comment.author),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: repo.collaborators[comment.author] ? "COLLABORATOR" : "NONE",
    performed_via_github_app: null,
    reactions: reactionSummary(comment.reactions, url),
  };
}

/** An issue — or a pull request seen through the issues API, which GitHub marks with `pull_request`. */
export function issueJson(world: World, repo: WorldRepo, item: WorldIssue | WorldPull, api: string) {
  const full = `${repo.owner}/${repo.name}`;
  const isPull = "head" in item;
  const state = item.state === "OPEN" ? "open" : "closed";
  return {
    id: item.number * 1000 + repo.id,
    node_id: Buffer.from(`Issue:${full}#${item.number}`).toString("base64url"),
    number: item.number,
    title: item.title,
    body: item.body,
    state,
    state_reason: isPull ? null : (item.stateReason?.toLowerCase() ?? null),
    locked: false,
    user: userJson(world, item.author),
    labels: item.labels.map((name) => labelJson(repo, name)),
    assignees: isPull ? [] : item.assignees.map((login) => userJson(world, login)),
    assignee: isPull || !item.assignees[0] ? null : userJson(world, item.assignees[0]),
    comments: item.comments.length,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.closedAt,
    author_association: "NONE",
    url: `${api}/repos/${full}/issues/${item.number}`,
    html_url: `${WEB}/${full}/${isPull ? "pull" : "issues"}/${item.number}`,
    repository_url: `${api}/repos/${full}`,
    ...(isPull ? { pull_request: { url: `${api}/repos/${full}/pulls/${item.number}`, merged_at: item.mergedAt } } : {}),
  };
}

export function commitJson(world: World, repo: WorldRepo, commit: { oid: string; message: string; committedDate: string; author: string }) {
  const full = `${repo.owner}/${repo.name}`;
  const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.committedDate };
  return {
    sha: commit.oid,
    node_id: Buffer.from(`Commit:${commit.oid}`).toString("base64url"),
    html_url: `${WEB}/${full}/commit/${commit.oid}`,
    commit: { message: commit.message, author: person, committer: person },
    author: userJson(world, commit.author),
    committer: userJson(world, commit.author),
    parents: [],
  };
}

export function pullJson(world: World, repo: WorldRepo, pull: WorldPull, api: string) {
  const headRepo = world.repos[pull.head.repo.toLowerCase()];
  const headSha = pull.commits.at(-1)?.oid ?? makeOid(`${repo.id}#${pull.number}`);
  const baseSha = repo.branches[pull.base]?.commits.at(-1)?.oid ?? makeOid(`${repo.id}#${pull.number}/base`);
  return {
    ...issueJson(world, repo, pull, api),
    url: `${api}/repos/${repo.owner}/${repo.name}/pulls/${pull.number}`,
    draft: pull.draft,
    merged: pull.state === "MERGED",
    merged_at: pull.mergedAt,
    head: { ref: pull.head.branch, sha: headSha, label: `${headRepo?.owner ?? "unknown"}:${pull.head.branch}`, repo: headRepo ? repoJson(world, headRepo, api) : null, user: userJson(world, headRepo?.owner ?? pull.author) },
    base: { ref: pull.base, sha: baseSha, label: `${repo.owner}:${pull.base}`, repo: repoJson(world, repo, api), user: userJson(world, repo.owner) },
    commits: pull.commits.length,
    changed_files: pull.changedFiles.length,
    additions: pull.changedFiles.length * 10,
    deletions: 0,
  };
}
