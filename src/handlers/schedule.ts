import type { Probot } from "probot";
import { loadRepoConfig } from "../config/load-repo-config.js";
import { sweepIfDue } from "../coordination/sweep-if-due.js";
import { timeSweep } from "../metrics/time-sweep.js";
import { runSweep, summarizeSweep } from "../sweep/run-sweep.js";
import type { Self } from "../writes/own-comment.js";
import { coordinationOf, type AppDeps } from "./app-deps.js";

/**
 * The timer's tick: every repository of every installation whose `sweep.everyHours` has passed
 * since its last sweep — by any replica, when they share Redis: one of them sweeps it, the others
 * skip it. Installations are swept side by side: one waiting for its rate limit to reset holds up no
 * other. One repository failing never stops the others.
 */
export async function sweepAllInstallations(app: Probot, deps: AppDeps): Promise<void> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const self = await deps.self();
  await Promise.all(installations.map((installation) => sweepInstallation(app, deps, installation.id, self)));
}

async function sweepInstallation(app: Probot, deps: AppDeps, installationId: number, self: Self): Promise<void> {
  const coordination = coordinationOf(deps);
  try {
    const octokit = await app.auth(installationId);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const repository of repos) {
      const repo = { owner: repository.owner.login, repo: repository.name };
      const key = `${repo.owner}/${repo.repo}`.toLowerCase();
      try {
        const sweep = await sweepIfDue(coordination, key, {
          now: () => deps.now().getTime(),
          isDue: (last) => isDue(deps, last, () => loadRepoConfig(octokit, repo)),
          sweep: () => timeSweep("schedule", () => runSweep(octokit, repo, { now: deps.now(), dryRun: false, scope: String(installationId), self, cache: deps.stateCache })),
        });
        if (sweep.turn === "swept") app.log.info({ trigger: "schedule", ...summarizeSweep(sweep.result) }, "sweep done");
        else if (sweep.turn === "elsewhere") app.log.debug({ repo: key }, "sweep left to another replica");
      } catch (error) {
        app.log.warn({ err: error, repo: key }, "sweep failed");
      }
    }
  } catch (error) {
    app.log.warn({ err: error, installation: installationId }, "sweep failed");
  }
}

async function isDue(deps: AppDeps, last: number | undefined, load: () => ReturnType<typeof loadRepoConfig>): Promise<boolean> {
  if (last === undefined) return true;
  const loaded = await load();
  const everyHours = loaded.ok === true ? loaded.config.sweep.everyHours : 24;
  return deps.now().getTime() - last >= everyHours * 3_600_000;
}
