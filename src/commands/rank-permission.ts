import { permissionLevels, type PermissionLevel } from "../config/schema.js";

/**
 * Rank of a repository permission as GitHub reports it. The collaborator permission API answers
 * `role_name` (read, triage, write, maintain, admin, or a custom role's name) and the legacy
 * `permission` (none, read, write, admin); the finer `role_name` wins when it is a known level.
 * Unknown or `none`: -1, below every level.
 */
export function rankPermission(roleName: string | null | undefined, permission?: string | null): number {
  const byRole = permissionLevels.indexOf(roleName as PermissionLevel);
  if (byRole >= 0) return byRole;
  return permissionLevels.indexOf(permission as PermissionLevel);
}

/** True when the user's effective permission reaches `min`. */
export function hasPermission(
  granted: { roleName?: string | null; permission?: string | null },
  min: PermissionLevel,
): boolean {
  return rankPermission(granted.roleName, granted.permission) >= permissionLevels.indexOf(min);
}
