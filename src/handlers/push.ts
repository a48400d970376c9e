import type { Probot } from "probot";
import { configPath, loadContextConfig } from "../config/load-repo-config.js";
import { runSweep, summarizeSweep } from "../sweep/run-sweep.js";
import { selectCandidatePaths } from "../pipeline/select-paths.js";
import { timeSweep } from "../metrics/time-sweep.js";
import { coordinationOf, type AppDeps } from "./app-deps.js";

/**
 * A push to the default branch that touches wrap-up files (or our config file) sweeps the
 * repository, so follow-ups react to an edited wrap-up without waiting for the timer.
 */
export function registerPushHandler(app: Probot, deps: AppDeps): void {
  app.on("push", async (context) => {
    const { ref, repository, commits, installation, deleted } = context.payload;
    if (deleted || ref !== `refs/heads/${repository.default_branch}`) return;
    const touched = [...new Set(commits.flatMap((c) => [...(c.added ?? []), ...(c.modified ?? []), ...(c.removed ?? [])]))];
    const loaded = await loadContextConfig(context);
    if (loaded.ok === "unavailable") return void context.log.warn({ error: loaded.error }, "config unavailable, push ignored");
    const wrapUps = selectCandidatePaths(touched, loaded.ok ? loaded.config : { paths: [] });
    if (wrapUps.length === 0 && !touched.includes(configPath())) return;
    const repo = { owner: repository.full_name.split("/")[0]!, repo: repository.name };
    const summary = await timeSweep("push", async () => runSweep(context.octokit, repo, {
      now: deps.now(),
      dryRun: false,
      scope: String(installation?.id ?? repo.owner),
      self: await deps.self(),
      cache: deps.stateCache,
      config: loaded,
    }));
    await coordinationOf(deps).recordSweep(summary.repo.toLowerCase(), deps.now().getTime());
    context.log.info({ trigger: "push", ...summarizeSweep(summary) }, "sweep done");
  });
}
