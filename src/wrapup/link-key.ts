import { WORK_ITEM_KINDS, type Link, type WorkItemKind } from "./types.js";

/** True for links whose live state is worth asking GitHub for. */
export function isWorkItem(link: Link): link is Link & { kind: WorkItemKind; owner: string; repo: string } {
  return (WORK_ITEM_KINDS as readonly string[]).includes(link.kind) && !!link.owner && !!link.repo;
}

/**
 * Identity of a work item across files: owner/repo compared case-insensitively, branch and sha kept.
 * `pull:owner/repo#N`, `issue:…#N`, `discussion:…#N`, `issue-or-pull:…#N`,
 * `branch:owner/repo@name`, `commit:owner/repo@sha`. Null for links that are not work items.
 */
export function linkKey(link: Link): string | null {
  if (!isWorkItem(link)) return null;
  const repo = `${link.owner.toLowerCase()}/${link.repo.toLowerCase()}`;
  switch (link.kind) {
    case "pull":
    case "issue":
    case "discussion":
    case "issue-or-pull":
      return link.number === undefined ? null : `${link.kind}:${repo}#${link.number}`;
    case "branch":
      return link.branch ? `branch:${repo}@${link.branch}` : null;
    case "commit":
      return link.sha ? `commit:${repo}@${link.sha.toLowerCase()}` : null;
  }
}
