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
