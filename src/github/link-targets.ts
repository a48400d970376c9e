import { isWorkItem, linkKey } from "../wrapup/link-key.js";
import type { BranchBase, BranchCandidate, Link, WorkItemKind } from "../wrapup/types.js";

/** One work item to look up: the deduplicated form of every link sharing its `linkKey`. */
export interface LinkTarget {
  key: string;
  kind: WorkItemKind;
  url: string;
  owner: string;
  repo: string;
  number?: number;
  sha?: string;
  /** Branch candidates, longest branch first; a single one `{ branch, path: "" }` when unambiguous. */
  candidates?: BranchCandidate[];
  base?: BranchBase;
}

function candidatesOf(link: Link): BranchCandidate[] | undefined {
  if (link.kind !== "branch" || !link.branch) return undefined;
  const listed = link.branchCandidates?.filter((c) => c.branch) ?? [];
  if (listed.length === 0) return [{ branch: link.branch, path: "" }];
  return [...listed].sort((a, b) => b.branch.length - a.branch.length);
}

/** Work-item links deduplicated by `linkKey` (owner/repo case-insensitive); the first link of a key wins. */
export function collectTargets(links: readonly Link[]): LinkTarget[] {
  const targets = new Map<string, LinkTarget>();
  for (const link of links) {
    const key = linkKey(link);
    if (!key || targets.has(key) || !isWorkItem(link)) continue;
    targets.set(key, {
      key,
      kind: link.kind,
      url: link.url,
      owner: link.owner,
      repo: link.repo,
      number: link.number,
      sha: link.sha,
      candidates: candidatesOf(link),
      base: link.base,
    });
  }
  return [...targets.values()];
}

/** True when a compare base lives in the same repository as the head (GraphQL compares within one). */
export function sameRepoBase(target: LinkTarget): BranchBase | undefined {
  const base = target.base;
  if (!base) return undefined;
  const same = base.owner.toLowerCase() === target.owner.toLowerCase() && base.repo.toLowerCase() === target.repo.toLowerCase();
  return same ? base : undefined;
}
