import type { ProbotOctokit } from "probot";
import type { RepoRef } from "../github/repo-ref.js";
import { hasDashboardMarker, readStartBox } from "../render/dashboard-marker.js";
import type { OwnIssue } from "../sweep/find-follow-ups.js";
import { sameBody } from "./comparable-body.js";
import type { Self } from "./own-comment.js";
import { openIssueOnce } from "./write-once.js";

export type DashboardOutcome =
  | "created"
  | "updated"
  | "unchanged"
  | "planned"
  /** A person ticked or unticked the box while we swept: their edit wins, the sweep it started rewrites it. */
  | "box-changed";

/**
 * Our dashboard among our own issues (all pages, open and closed, as `listOwnIssues` found them):
 * by its marker, never by title. An open one wins over a closed one, the oldest over newer ones.
 */
export function findDashboard(own: OwnIssue[]): OwnIssue | null {
  const ours = own.filter((issue) => hasDashboardMarker(issue.body));
  const byAge = (a: OwnIssue, b: OwnIssue) => a.number - b.number;
  return ours.filter((i) => i.state === "open").sort(byAge)[0] ?? ours.sort(byAge)[0] ?? null;
}

/**
 * Writes the one dashboard: created when none was found, rewritten in place when its body (check
 * time aside) or title changed, left alone otherwise. A closed dashboard is updated, not reopened:
 * closing it hides it from the issue list, nothing more. Before rewriting, the box is read again,
 * so a tick made while we swept is never overwritten.
 */
export async function upsertDashboard(
  octokit: ProbotOctokit,
  repo: RepoRef,
  found: OwnIssue | null,
  dashboard: { title: string; body: string },
  options: { dryRun: boolean; self: Self },
): Promise<{ outcome: DashboardOutcome; number: number | null }> {
  if (found && sameBody(found.body, dashboard.body) && found.title === dashboard.title) return { outcome: "unchanged", number: found.number };
  if (options.dryRun) return { outcome: "planned", number: found?.number ?? null };
  if (!found) {
    // A create GitHub failed on may have landed: it is looked up by its marker before any retry.
    const created = await openIssueOnce(octokit, repo, dashboard, options.self);
    return { outcome: "created", number: created.id };
  }
  const { data: fresh } = await octokit.rest.issues.get({ ...repo, issue_number: found.number });
  if (readStartBox(fresh.body) !== readStartBox(found.body)) return { outcome: "box-changed", number: found.number };
  await octokit.rest.issues.update({ ...repo, issue_number: found.number, title: dashboard.title, body: dashboard.body });
  return { outcome: "updated", number: found.number };
}
