/** Maps GraphQL refs and commits to branch and commit states. */
import type { LinkTarget } from "./link-targets.js";
import { toPullSummary } from "./map-items.js";
import { candidateAlias, COMPARE_ALIAS } from "./queries/build-batch-query.js";
import type { BranchState, CommitState } from "./types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON shaped by our own fragments
type Raw = Record<string, any>;

/**
 * The branch state of the longest candidate that exists (candidates are asked longest first), or
 * null when none does. What the winner leaves of the link's path becomes `path`.
 */
export function toBranchState(repository: Raw, target: LinkTarget): BranchState | null {
  const candidates = target.candidates ?? [];
  const index = candidates.findIndex((_, i) => repository[candidateAlias(i)]);
  if (index < 0) return null;
  const ref: Raw = repository[candidateAlias(index)];
  const commit = ref.target?.__typename === "Commit" ? ref.target : null;
  const pulls: Raw[] = (ref.associatedPullRequests?.nodes ?? []).filter(Boolean);
  const state: BranchState = {
    type: "branch",
    status: "ok",
    owner: target.owner,
    repo: target.repo,
    branch: candidates[index].branch,
    path: candidates[index].path,
    lastCommit: commit ? { oid: commit.oid, committedDate: commit.committedDate } : null,
    pulls: pulls.map(toPullSummary),
  };
  // The comparison is asked for the longest candidate only: a compare link is never ambiguous.
  const comparison = index === 0 ? repository[COMPARE_ALIAS]?.compare : null;
  if (comparison) {
    state.aheadBy = comparison.aheadBy;
    state.behindBy = comparison.behindBy;
  }
  return state;
}

/** Statuses of `defaultBranch...commit` meaning the default branch already contains the commit. */
const CONTAINED = new Set(["BEHIND", "IDENTICAL"]);

export function toCommitState(repository: Raw, target: LinkTarget): CommitState | null {
  const commit = repository.object?.__typename === "Commit" ? repository.object : null;
  if (!commit) return null;
  const status: string | undefined = repository.defaultBranchRef?.compare?.status;
  return {
    type: "commit",
    status: "ok",
    owner: target.owner,
    repo: target.repo,
    oid: commit.oid,
    url: commit.url,
    committedDate: commit.committedDate,
    onDefaultBranch: status ? CONTAINED.has(status) : null,
  };
}
