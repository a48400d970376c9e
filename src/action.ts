/**
 * GitHub Action mode: action.yml runs the bundle of this file (dist/action/index.js) on the event
 * that started the workflow, with the workflow's token — no server to host, no install step.
 *
 * Not `@probot/adapter-github-actions`: it bundles Probot 13, whose `load` and auth differ from the
 * Probot 14 our app is written for. This runner is the same idea on Probot 14's `receive`:
 * - `pull_request`, `issue_comment`, `push`, `issues` (the dashboard's box): the event payload (GITHUB_EVENT_PATH) goes through the
 *   app's handlers, exactly as a webhook would;
 * - `schedule`, `workflow_dispatch`: the sweep of this repository (the `sweep` CLI's code path),
 *   whose figures become the step's outputs (`stalled`, `dashboard-issue`, `wrap-ups`).
 * Reads the inputs (INPUT_TOKEN, INPUT_DRY-RUN, INPUT_CONFIG), GITHUB_EVENT_NAME, GITHUB_EVENT_PATH,
 * GITHUB_RUN_ID, GITHUB_REPOSITORY, GITHUB_API_URL and GITHUB_OUTPUT, all set by the Actions runner.
 */
import { readFileSync } from "node:fs";
import { Probot } from "probot";
import wrapupTracker from "./index.js";
import { AppOctokit } from "./github/client.js";
import { processIo } from "./cli/io.js";
import { runSweepCommand } from "./cli/sweep-command.js";
import { readActionInputs } from "./action/read-action-inputs.js";
import { writeActionOutputs } from "./action/write-action-outputs.js";

const SWEEP_EVENTS = new Set(["schedule", "workflow_dispatch"]);

export async function runAction(env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const inputs = readActionInputs(env);
  const { GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath, GITHUB_REPOSITORY: repository } = env;
  if ("problem" in inputs || !eventName || !eventPath || !repository) {
    const problem = "problem" in inputs ? inputs.problem : "needs GITHUB_EVENT_NAME, GITHUB_EVENT_PATH and GITHUB_REPOSITORY (set by GitHub Actions)";
    process.stderr.write(`wrapup-tracker action: ${problem}\n`);
    return 2;
  }
  // One run, one event: no in-process timer; the workflow's `schedule` is the timer.
  env.WRAPUP_SWEEP_DISABLED = "1";
  // Read where the configuration is loaded (src/config/load-repo-config.ts), for every event alike.
  if (inputs.configFile) env.WRAPUP_CONFIG_FILE = inputs.configFile;
  if (inputs.dryRun) env.WRAPUP_DRY_RUN = "1";
  if (SWEEP_EVENTS.has(eventName)) {
    const args = ["--repo", repository, "--token", inputs.token, ...(inputs.dryRun ? ["--dry-run"] : []), ...(env.WRAPUP_NOW ? ["--now", env.WRAPUP_NOW] : [])];
    return runSweepCommand(args, processIo(), (summary) =>
      writeActionOutputs({ stalled: summary.topics.stalled, "dashboard-issue": summary.dashboardIssue ?? "", "wrap-ups": summary.files }, env),
    );
  }
  const probot = new Probot({ githubToken: inputs.token, baseUrl: env.GITHUB_API_URL, Octokit: AppOctokit, logLevel: "info" });
  // There is no HTTP server in a workflow, so the app's extra routes (health) go nowhere.
  await probot.load(wrapupTracker, { cwd: process.cwd(), addHandler: () => {} });
  const payload = JSON.parse(readFileSync(eventPath, "utf8")) as Record<string, unknown>;
  // `receive` types the payload per event name; the runner hands us whatever GitHub wrote.
  await probot.receive({ id: env.GITHUB_RUN_ID ?? "action", name: eventName, payload } as Parameters<Probot["receive"]>[0]);
  return 0;
}

runAction().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`wrapup-tracker action failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
