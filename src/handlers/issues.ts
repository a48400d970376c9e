import type { Probot } from "probot";
import { loadContextConfig } from "../config/load-repo-config.js";
import { hasDashboardMarker, readStartBox } from "../render/dashboard-marker.js";
import { runSweep, summarizeSweep } from "../sweep/run-sweep.js";
import { timeSweep } from "../metrics/time-sweep.js";
import { coordinationOf, type AppDeps } from "./app-deps.js";

/**
 * A person ticked or unticked "Start following up" on our dashboard: sweep now, so follow-ups
 * start (or stop) without waiting for the schedule. Other edits, and ours, change nothing.
 */
export function registerIssuesHandler(app: Probot, deps: AppDeps): void {
  app.on("issues.edited", async (context) => {
    const { issue, changes, repository, installation, sender } = context.payload;
    if (sender.type === "Bot" || context.isBot) return;
    if (!hasDashboardMarker(issue.body) || changes.body === undefined) return;
    const self = await deps.self();
    // Only our own dashboard: a marker pasted into someone else's issue is no box of ours.
    if (self.login !== null && issue.user?.login.toLowerCase() !== self.login.toLowerCase()) return;
    const before = readStartBox(changes.body.from);
    const after = readStartBox(issue.body);
    if (before === after) return;
    const loaded = await loadContextConfig(context);
    if (loaded.ok === "unavailable") return void context.log.warn({ error: loaded.error }, "config unavailable, box change not acted on");
    const repo = { owner: repository.owner.login, repo: repository.name };
    const summary = await timeSweep("dashboard", () =>
      runSweep(context.octokit, repo, {
        now: deps.now(),
        dryRun: false,
        scope: String(installation?.id ?? repo.owner),
        self,
        cache: deps.stateCache,
        config: loaded,
      }),
    );
    await coordinationOf(deps).recordSweep(summary.repo.toLowerCase(), deps.now().getTime());
    context.log.info({ trigger: after ? "box ticked" : "box unticked", ...summarizeSweep(summary) }, "sweep done");
  });
}
