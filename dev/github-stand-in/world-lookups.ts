/** Ids and lookups over a world: repos (case-insensitive), users, comments, commits, files at a ref, visibility. */
import { createHash } from "node:crypto";
import type { UserType, World, WorldComment, WorldCommit, WorldRepo, WorldUser } from "./world.js";

/** A deterministic 40-hex object id from any seed. */
export function makeOid(seed: string): string {
  return createHash("sha1").update(seed).digest("hex");
}

export function repoKey(fullName: string): string {
  return fullName.toLowerCase();
}

export function findRepo(world: World, owner: string, name: string): WorldRepo | undefined {
  return world.repos[repoKey(`${owner}/${name}`)];
}

export function userOf(world: World, login: string): WorldUser {
  const known = world.users[login];
  if (known) return known;
  const type: UserType = login.endsWith("[bot]") ? "Bot" : "User";
  return { login, type, id: 10_000 + (parseInt(makeOid(login).slice(0, 6), 16) % 1_000_000) };
}

/** Every comment thread of a repo (issues and pulls), for lookups by comment id. */
export function findComment(repo: WorldRepo, id: number): WorldComment | undefined {
  for (const item of [...Object.values(repo.pulls), ...Object.values(repo.issues)]) {
    const found = item.comments.find((c) => c.id === id);
    if (found) return found;
  }
  return undefined;
}

export function findCommit(repo: WorldRepo, oid: string): WorldCommit | undefined {
  const wanted = oid.toLowerCase();
  for (const branch of Object.values(repo.branches)) {
    const found = branch.commits.find((c) => c.oid === wanted || (wanted.length >= 7 && c.oid.startsWith(wanted)));
    if (found) return found;
  }
  for (const pull of Object.values(repo.pulls)) {
    const found = pull.commits.find((c) => c.oid === wanted);
    if (found) return found;
  }
  return undefined;
}

/** Files at a ref: a branch name, `HEAD`, `refs/heads/x`, or the oid of a commit on some branch or PR. */
export function filesAt(world: World, repo: WorldRepo, ref: string | undefined): Record<string, string> | undefined {
  const name = !ref || ref === "HEAD" ? repo.defaultBranch : ref.replace(/^refs\/heads\//, "");
  if (repo.files[name]) return repo.files[name];
  if (repo.branches[name]) return repo.files[repo.defaultBranch];
  for (const [branchName, branch] of Object.entries(repo.branches)) {
    if (branch.commits.at(-1)?.oid === name) return repo.files[branchName] ?? repo.files[repo.defaultBranch];
  }
  for (const pull of Object.values(repo.pulls)) {
    if (pull.commits.at(-1)?.oid !== name) continue;
    const headRepo = world.repos[repoKey(pull.head.repo)];
    return headRepo?.files[pull.head.branch] ?? repo.files[repo.defaultBranch];
  }
  return undefined;
}

/** True when an installation covers the repo (so a private repo is visible to its token). */
export function isInstalledOn(world: World, repo: WorldRepo): boolean {
  const key = repoKey(`${repo.owner}/${repo.name}`);
  return world.installations.some((i) =>
    i.repos === "all" ? i.account.toLowerCase() === repo.owner.toLowerCase() : i.repos.map(repoKey).includes(key),
  );
}

/** Repos a request may see: public ones, and private ones an installation covers. */
export function visibleRepo(world: World, owner: string, name: string): WorldRepo | undefined {
  const repo = findRepo(world, owner, name);
  if (!repo) return undefined;
  return !repo.private || isInstalledOn(world, repo) ? repo : undefined;
}
