import { LRUCache } from "lru-cache";
import type { ProbotOctokit } from "probot";

export interface GrantedPermission {
  roleName: string | null;
  permission: string | null;
}

/**
 * A user's effective permission on a repository. The collaborator permission API folds in
 * organisation base permissions and team grants, which the comment's `author_association` does not.
 * A user who is no collaborator at all answers 404: then they have no permission.
 */
export async function getUserPermission(
  octokit: ProbotOctokit,
  repo: { owner: string; repo: string },
  username: string,
): Promise<GrantedPermission> {
  try {
    const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({ ...repo, username });
    return { roleName: data.role_name ?? null, permission: data.permission ?? null };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return { roleName: null, permission: "none" };
    throw error;
  }
}

/** Permissions asked lately, per `owner/repo:login`: a burst of commands asks GitHub once per person. */
export type PermissionCache = LRUCache<string, GrantedPermission>;

/** A minute: a permission granted or taken away applies to commands within that time. */
export function createPermissionCache(ttlMs = 60_000): PermissionCache {
  return new LRUCache<string, GrantedPermission>({ max: 10_000, ttl: ttlMs });
}

/** `getUserPermission` through `cache` when there is one. */
export async function getCachedUserPermission(
  octokit: ProbotOctokit,
  repo: { owner: string; repo: string },
  username: string,
  cache: PermissionCache | undefined,
): Promise<GrantedPermission> {
  const key = `${repo.owner}/${repo.repo}:${username}`.toLowerCase();
  const known = cache?.get(key);
  if (known) return known;
  const granted = await getUserPermission(octokit, repo, username);
  cache?.set(key, granted);
  return granted;
}
