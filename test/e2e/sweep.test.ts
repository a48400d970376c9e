/**
 * End to end: the sweep, started by a push to the default branch (real server) and by the `sweep`
 * CLI (`--api-url`), opens one follow-up per stalled topic or comments on its tracking issue, and a
 * second sweep writes nothing.
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { REPO_ROOT, startApp, testPrivateKey, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, START_AT_ONCE, TRACKING_ISSUE, WRAPUP_PATH } from "./helpers/e2e-world.js";
import { botComments, followUpIssues as botIssues, writesSince } from "./helpers/inspect.js";
import { deliver, pushEvent, waitFor } from "./helpers/webhooks.js";

const run = promisify(execFile);

export function runSweepCli(standIn: StandIn, extra: string[] = []) {
  return run(process.execPath, ["bin/wrapup-tracker.js", "sweep", "--repo", HACKATHON, "--api-url", standIn.apiUrl, "--now", NOW, ...extra], {
    cwd: REPO_ROOT,
    // App credentials, like the server: the CLI finds the repo's installation and writes as the same bot.
    env: { PATH: process.env.PATH ?? "", APP_ID: String(standIn.world.app.id), PRIVATE_KEY: testPrivateKey() },
    timeout: 30_000,
  });
}

describe("sweep through the real server and the CLI", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld({ config: START_AT_ONCE }) });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("a push touching the wrap-up opens one follow-up per stalled topic, or comments on its tracking issue", async () => {
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    const issues = await waitFor(() => botIssues(standIn, HACKATHON).length > 0 && botIssues(standIn, HACKATHON), 20_000, "a follow-up issue");
    await waitFor(() => botComments(standIn, TRACKING_ISSUE.repo, TRACKING_ISSUE.number).length > 0, 20_000, "a reminder on the tracking issue");
    await waitFor(() => app.countLogs("sweep done") > 0, 20_000, "the end of the sweep (the dashboard last)");
    expect(issues.map((i) => i.title), app.notableLogs()).toHaveLength(1);
    expect(issues[0]!.title).toContain("Flaky Test Hunt");
    expect(issues[0]!.body).toContain("acme/widgets/pull/103");
    expect(botComments(standIn, TRACKING_ISSUE.repo, TRACKING_ISSUE.number)).toHaveLength(1);
    // The linked pull requests themselves are never written to.
    expect(standIn.writes().filter((w) => /\/repos\/acme\/widgets\/(issues|pulls)\/10[1235]\b/.test(w.route))).toEqual([]);
  });

  it("a second push writes nothing", async () => {
    const mark = standIn.requests.length;
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    expect(writesSince(standIn, mark)).toEqual([]);
  });

  it("the sweep CLI against the same repository finds everything done already: no write", async () => {
    const mark = standIn.requests.length;
    const { stdout, stderr } = await runSweepCli(standIn);
    expect(standIn.requests.length, `${stdout}\n${stderr}`).toBeGreaterThan(mark);
    expect(writesSince(standIn, mark)).toEqual([]);
  });

  it("the sweep CLI's --dry-run plans and writes nothing, even with work to do", async () => {
    const issue = botIssues(standIn, HACKATHON)[0]!;
    delete standIn.world.repos[HACKATHON]!.issues[issue.number];
    const mark = standIn.requests.length;
    const { stdout } = await runSweepCli(standIn, ["--dry-run"]);
    expect(writesSince(standIn, mark)).toEqual([]);
    expect(stdout).toContain("Flaky Test Hunt");
  });
});
