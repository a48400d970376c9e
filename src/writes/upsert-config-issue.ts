import type { ProbotOctokit } from "probot";
import type { OwnIssue } from "../sweep/find-follow-ups.js";
import type { RepoRef } from "../sweep/sweep-types.js";
import { sameBody } from "./comparable-body.js";
import type { Self } from "./own-comment.js";
import { openIssueOnce } from "./write-once.js";

export type ConfigIssueOutcome = "created" | "updated" | "unchanged" | "closed" | "none" | "planned";

/**
 * Keeps ONE issue about an invalid `.github/wrapup-tracker.yml`: found among our own issues by its
 * marker (never by title), created once (`openIssueOnce`), updated when the problems change; closed once the config
 * is valid again. `issue` null means the config is valid.
 */
export async function syncConfigIssue(
  octokit: ProbotOctokit,
  repo: RepoRef,
  own: OwnIssue[],
  issue: { title: string; body: string } | null,
  options: { isConfigIssue: (body: string) => boolean; dryRun: boolean; self: Self },
): Promise<ConfigIssueOutcome> {
  const open = own.find((issue) => issue.state === "open" && options.isConfigIssue(issue.body));
  if (issue === null) {
    if (!open) return "none";
    if (options.dryRun) return "planned";
    await octokit.rest.issues.update({ ...repo, issue_number: open.number, state: "closed", state_reason: "completed" });
    return "closed";
  }
  if (open && sameBody(open.body, issue.body)) return "unchanged";
  if (options.dryRun) return "planned";
  if (open) {
    await octokit.rest.issues.update({ ...repo, issue_number: open.number, body: issue.body });
    return "updated";
  }
  await openIssueOnce(octokit, repo, issue, options.self);
  return "created";
}
