import type { ProbotOctokit } from "probot";
import type { SweepAction } from "../sweep/sweep-types.js";

export interface ExecutedAction {
  action: SweepAction;
  outcome: "done" | "planned" | "failed";
  /** GitHub's message when the write failed; the other writes still run. */
  error?: string;
  /** Number of the issue a `create-issue` opened. */
  number?: number;
}

/**
 * Executes a sweep plan in order. A dry run returns the plan as `planned` and sends nothing. One
 * failed write (e.g. a tracking issue in a repository the app cannot write to) is reported and
 * does not stop the others.
 */
export async function executeSweepPlan(
  octokit: ProbotOctokit,
  actions: SweepAction[],
  options: { dryRun: boolean },
): Promise<ExecutedAction[]> {
  const results: ExecutedAction[] = [];
  for (const action of actions) {
    if (options.dryRun) {
      results.push({ action, outcome: "planned" });
      continue;
    }
    try {
      const number = await executeAction(octokit, action);
      results.push({ action, outcome: "done", ...(number === undefined ? {} : { number }) });
    } catch (error) {
      results.push({ action, outcome: "failed", error: (error as Error).message });
    }
  }
  return results;
}

async function executeAction(octokit: ProbotOctokit, action: SweepAction): Promise<number | undefined> {
  const { owner, repo } = action.repo;
  switch (action.kind) {
    case "create-issue": {
      const { data } = await octokit.rest.issues.create({ owner, repo, title: action.title, body: action.body, labels: action.labels });
      return data.number;
    }
    case "update-issue":
      await octokit.rest.issues.update({ owner, repo, issue_number: action.number, body: action.body });
      return undefined;
    case "comment":
      await octokit.rest.issues.createComment({ owner, repo, issue_number: action.number, body: action.body });
      return undefined;
    case "close-issue":
      await octokit.rest.issues.update({ owner, repo, issue_number: action.number, state: "closed", state_reason: "completed" });
      return undefined;
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
