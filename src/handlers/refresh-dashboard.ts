import type { Context } from "probot";
import type { LoadedConfig } from "../config/load-repo-config.js";
import { hasDashboardMarker } from "../render/dashboard-marker.js";
import { runSweep } from "../sweep/run-sweep.js";
import { timeSweep } from "../metrics/time-sweep.js";
import { coordinationOf, type AppDeps } from "./app-deps.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * `/refresh` on our dashboard: the whole sweep again, now, with every link asked afresh. The
 * permission and cooldown checks already ran (issue-comment.ts, refresh.ts).
 */
export async function refreshDashboard(
  context: CommentContext,
  deps: AppDeps,
  loaded: Exclude<LoadedConfig, { ok: "unavailable" }>,
  scope: string,
): Promise<"swept" | "not-a-dashboard"> {
  const { issue, repository } = context.payload;
  const self = await deps.self();
  const ours = self.login === null || issue.user.login.toLowerCase() === self.login.toLowerCase();
  if (issue.pull_request || !ours || !hasDashboardMarker(issue.body)) return "not-a-dashboard";
  const repo = { owner: repository.owner.login, repo: repository.name };
  const summary = await timeSweep("dashboard", () =>
    runSweep(context.octokit, repo, { now: deps.now(), dryRun: false, scope, self, bypassCache: true, cache: deps.stateCache, config: loaded }),
  );
  await coordinationOf(deps).recordSweep(summary.repo.toLowerCase(), deps.now().getTime());
  if (summary.status === "config-unavailable") throw new Error(`the configuration could not be read: ${summary.error ?? "unknown error"}`);
  return "swept";
}
