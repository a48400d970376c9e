/** Turns one batch response (data and per-alias errors, possibly partial) into a state per target. */
import type { GraphqlErrorItem } from "./errors.js";
import type { LinkTarget } from "./link-targets.js";
import { toDiscussionState, toIssueState, toPullState, type MapOptions } from "./map-items.js";
import { toBranchState, toCommitState } from "./map-refs.js";
import { aliasFor } from "./queries/build-batch-query.js";
import type { FailedState, LinkState } from "./types.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON shaped by our own fragments
type Raw = Record<string, any>;

const DEFAULT_MESSAGE = {
  missing: "not found, or not visible with this token",
  forbidden: "access forbidden with this token",
  error: "GitHub returned no data for it",
} as const;

/** A failed state from the errors GitHub reported under an alias (NOT_FOUND → missing, FORBIDDEN → forbidden). */
export function failedState(target: LinkTarget, errors: readonly GraphqlErrorItem[], fallback: FailedState["status"] = "missing"): FailedState {
  const byType = (type: string) => errors.find((e) => e.type === type);
  const first = byType("NOT_FOUND") ?? byType("FORBIDDEN") ?? errors[0];
  const status: FailedState["status"] =
    first?.type === "NOT_FOUND" ? "missing" : first?.type === "FORBIDDEN" ? "forbidden" : first ? "error" : fallback;
  return { type: target.kind, status, message: first?.message ?? `${target.url}: ${DEFAULT_MESSAGE[status]}` };
}

function mapIssueOrPull(node: Raw, target: LinkTarget, options: MapOptions): LinkState | null {
  if (node.__typename === "PullRequest") return toPullState(node, options);
  if (node.__typename === "Issue") return toIssueState(node, target.owner, target.repo, options);
  return null;
}

function mapRepository(repository: Raw, target: LinkTarget, options: MapOptions): LinkState | null {
  const { owner, repo } = target;
  switch (target.kind) {
    case "pull":
      return repository.pullRequest ? toPullState(repository.pullRequest, options) : null;
    case "issue":
      return repository.issue ? toIssueState(repository.issue, owner, repo, options) : null;
    case "discussion":
      return repository.discussion ? toDiscussionState(repository.discussion, owner, repo) : null;
    case "issue-or-pull":
      return repository.issueOrPullRequest ? mapIssueOrPull(repository.issueOrPullRequest, target, options) : null;
    case "branch":
      return toBranchState(repository, target);
    case "commit":
      return toCommitState(repository, target);
  }
}

export function mapBatch(
  targets: readonly LinkTarget[],
  data: unknown,
  errors: readonly GraphqlErrorItem[],
  options: MapOptions,
): Map<string, LinkState> {
  const states = new Map<string, LinkState>();
  targets.forEach((target, index) => {
    const alias = aliasFor(index);
    const repository = (data as Raw | null | undefined)?.[alias] as Raw | null | undefined;
    const own = errors.filter((e) => e.path?.[0] === alias);
    const state = repository ? mapRepository(repository, target, options) : null;
    states.set(target.key, state ?? failedState(target, own));
  });
  return states;
}
