import type { LinkTarget } from "../link-targets.js";
import { sameRepoBase } from "../link-targets.js";
import { RATE_LIMIT_FIELDS } from "../rate-limit.js";
import { fragmentsUsedBy } from "./fragments.js";

/** A GraphQL string literal (JSON's escaping is valid GraphQL string syntax). */
const str = (value: string) => JSON.stringify(value);

/** Alias of the n-th target in a batch; the response's `data[alias]` holds its repository. */
export const aliasFor = (index: number) => `l${index}`;
/** Alias of the n-th branch candidate inside a branch target's repository selection. */
export const candidateAlias = (index: number) => `c${index}`;
export const COMPARE_ALIAS = "compareBase";

function branchSelection(target: LinkTarget): string {
  const refs = (target.candidates ?? []).map(
    (c, i) => `${candidateAlias(i)}: ref(qualifiedName: ${str(`refs/heads/${c.branch}`)}) { ...RefFields }`,
  );
  const base = sameRepoBase(target);
  const head = target.candidates?.[0]?.branch;
  if (base && head) {
    refs.push(
      `${COMPARE_ALIAS}: ref(qualifiedName: ${str(`refs/heads/${base.branch}`)}) { compare(headRef: ${str(head)}) { aheadBy behindBy status } }`,
    );
  }
  return refs.join("\n    ");
}

function commitSelection(sha: string): string {
  return [
    `object(expression: ${str(sha)}) { __typename ... on Commit { ...CommitFields } }`,
    `defaultBranchRef { name compare(headRef: ${str(sha)}) { status } }`,
  ].join("\n    ");
}

/** The selection inside `repository(...)` for one target. */
export function selectionFor(target: LinkTarget): string {
  switch (target.kind) {
    case "pull":
      return `pullRequest(number: ${target.number}) { ...PullFields }`;
    case "issue":
      return `issue(number: ${target.number}) { ...IssueFields }`;
    case "discussion":
      return `discussion(number: ${target.number}) { ...DiscussionFields }`;
    case "issue-or-pull":
      return `issueOrPullRequest(number: ${target.number}) { __typename ...IssueFields ...PullFields }`;
    case "branch":
      return branchSelection(target);
    case "commit":
      return commitSelection(target.sha ?? "");
  }
}

/** One aliased query asking for every target of a batch, plus the rate-limit budget. */
export function buildBatchQuery(targets: readonly LinkTarget[]): string {
  const aliases = targets.map(
    (t, i) => `  ${aliasFor(i)}: repository(owner: ${str(t.owner)}, name: ${str(t.repo)}) {\n    ${selectionFor(t)}\n  }`,
  );
  const body = `query ResolveLinks {\n${aliases.join("\n")}\n  ${RATE_LIMIT_FIELDS}\n}`;
  return [body, ...fragmentsUsedBy(body)].join("\n\n");
}
