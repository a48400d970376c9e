import type { ProbotOctokit } from "probot";
import { isRateLimit, toGithubError, type GithubError } from "../github/errors.js";
import { writePacingOf } from "../github/write-pacing.js";
import type { SweepAction } from "../sweep/sweep-types.js";
import type { Self } from "./own-comment.js";
import { filterAssignable } from "../github/filter-assignable.js";
import { openIssueOnce, postCommentOnce } from "./write-once.js";

export interface ExecutedAction {
  action: SweepAction;
  /** `deferred`: left for the next sweep (pacing, or a rate limit that ended this one); not a failure. */
  outcome: "done" | "planned" | "failed" | "deferred";
  /** GitHub's message when the write failed; the other writes still run. */
  error?: string;
  /** Number of the issue a `create-issue` opened. */
  number?: number;
  /** GitHub failed on the create, and the look-up found it had landed: done, once. */
  recovered?: boolean;
}

export interface ExecutePlanOptions {
  dryRun: boolean;
  self: Self;
  /** A write whose pacing slot is further away than this is left for the next sweep (default 60 s). */
  maxPacingWaitMs?: number;
}

export interface ExecutedPlan {
  actions: ExecutedAction[];
  /** Look-up requests spent finding out whether a create GitHub failed on had landed. */
  lookups: number;
  /** The rate limit that stopped the writes, when one did. */
  stoppedBy?: GithubError;
}

/**
 * Executes a sweep plan in order. A dry run returns the plan as `planned` and sends nothing. One
 * failed write (e.g. a tracking issue in a repository the app cannot write to) is reported and
 * does not stop the others; a rate limit does: the rest is `deferred`, as is everything past the
 * pacing budget (80 creations a minute, 500 an hour).
 */
export async function executeSweepPlan(octokit: ProbotOctokit, actions: SweepAction[], options: ExecutePlanOptions): Promise<ExecutedPlan> {
  const plan: ExecutedPlan = { actions: [], lookups: 0 };
  const pacing = writePacingOf(octokit);
  const maxWait = options.maxPacingWaitMs ?? 60_000;
  let stopped = false;
  for (const action of actions) {
    if (options.dryRun) {
      plan.actions.push({ action, outcome: "planned" });
      continue;
    }
    stopped ||= !!pacing && pacing.nextSlot(action.kind === "create-issue" || action.kind === "comment" ? "content" : "edit") - Date.now() > maxWait;
    if (stopped) {
      plan.actions.push({ action, outcome: "deferred" });
      continue;
    }
    try {
      const done = await executeAction(octokit, action, options.self, () => (plan.lookups += 1));
      plan.actions.push({ action, outcome: "done", ...done });
    } catch (raw) {
      const error = toGithubError(raw);
      stopped = isRateLimit(error);
      if (stopped) plan.stoppedBy = error;
      plan.actions.push({ action, outcome: stopped ? "deferred" : "failed", error: error.message });
    }
  }
  return plan;
}

async function executeAction(
  octokit: ProbotOctokit,
  action: SweepAction,
  self: Self,
  onLookup: () => void,
): Promise<{ number?: number; recovered?: true }> {
  const { owner, repo } = action.repo;
  const recovered = (outcome: string) => (outcome === "found" ? { recovered: true as const } : {});
  switch (action.kind) {
    case "create-issue": {
      // A person GitHub would refuse as assignee fails the whole create: ask first, keep those it accepts.
      const assignees = action.assignees?.length ? await filterAssignable(octokit, action.repo, action.assignees) : [];
      const issue = { title: action.title, body: action.body, labels: action.labels, ...(assignees.length > 0 ? { assignees } : {}) };
      const { id, outcome } = await openIssueOnce(octokit, action.repo, issue, self, onLookup);
      return { number: id, ...recovered(outcome) };
    }
    case "comment": {
      const { outcome } = await postCommentOnce(octokit, { ...action.repo, number: action.number }, action.body, self, onLookup);
      return recovered(outcome);
    }
    case "update-issue":
      await octokit.rest.issues.update({ owner, repo, issue_number: action.number, body: action.body });
      return {};
    case "close-issue":
      await octokit.rest.issues.update({ owner, repo, issue_number: action.number, state: "closed", state_reason: "completed" });
      return {};
  }
}

/** One line per planned write, for `--dry-run` output and logs. */
export function describeAction(action: SweepAction): string {
  const where = `${action.repo.owner}/${action.repo.repo}`;
  switch (action.kind) {
    case "create-issue":
      return `open issue in ${where}: "${action.title}" (${action.why})`;
    case "update-issue":
      return `update ${where}#${action.number} (${action.why})`;
    case "comment":
      return `comment on ${where}#${action.number} (${action.why})`;
    case "close-issue":
      return `close ${where}#${action.number} (${action.why})`;
  }
}
