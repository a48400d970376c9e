import type { Probot } from "probot";
import { loadRepoConfig } from "../config/load-repo-config.js";
import { runSweep, summarizeSweep } from "../sweep/run-sweep.js";
import type { Self } from "../writes/own-comment.js";
import type { AppDeps } from "./app-deps.js";

/**
 * The timer's tick: every repository of every installation whose `sweep.everyHours` has passed
 * since its last sweep in this process. One repository failing never stops the others, and
 * installations are swept side by side: one waiting for its rate limit to reset holds up no other.
 */
export async function sweepAllInstallations(app: Probot, deps: AppDeps): Promise<void> {
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  const self = await deps.self();
  await Promise.all(installations.map((installation) => sweepInstallation(app, deps, installation.id, self)));
}

async function sweepInstallation(app: Probot, deps: AppDeps, installationId: number, self: Self): Promise<void> {
  try {
    const octokit = await app.auth(installationId);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const repository of repos) {
      const repo = { owner: repository.owner.login, repo: repository.name };
      const key = `${repo.owner}/${repo.repo}`.toLowerCase();
      try {
        if (!(await isDue(deps, key, () => loadRepoConfig(octokit, repo)))) continue;
        const summary = await runSweep(octokit, repo, { now: deps.now(), dryRun: false, scope: String(installationId), self, cache: deps.stateCache });
        deps.lastSweep.set(key, deps.now().getTime());
        app.log.info({ trigger: "schedule", ...summarizeSweep(summary) }, "sweep done");
      } catch (error) {
        app.log.warn({ err: error, repo: key }, "sweep failed");
      }
    }
  } catch (error) {
    app.log.warn({ err: error, installation: installationId }, "sweep failed");
  }
}

async function isDue(deps: AppDeps, key: string, load: () => ReturnType<typeof loadRepoConfig>): Promise<boolean> {
  const last = deps.lastSweep.get(key);
  if (last === undefined) return true;
  const loaded = await load();
  const everyHours = loaded.ok === true ? loaded.config.sweep.everyHours : 24;
  return deps.now().getTime() - last >= everyHours * 3_600_000;
}
