/**
 * GitHub Action mode end to end: the committed bundle action.yml runs (dist/action/index.js) with
 * the variables the Actions runner sets, against the stand-in — a pull_request event comments, a
 * schedule event sweeps, the dashboard's box starts follow-ups.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { REPO_ROOT } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, WRAPUP_PR, WRITER } from "./helpers/e2e-world.js";
import { threadOf, writesSince } from "./helpers/inspect.js";
import { issueEditedEvent, pullRequestEvent } from "./helpers/webhooks.js";
import { readStartBox } from "../../src/render/dashboard-marker.js";

const run = promisify(execFile);
/** A workflow's GITHUB_TOKEN writes as this bot. */
const ACTIONS_BOT = "github-actions[bot]";

describe("GitHub Action mode", () => {
  let standIn: StandIn;
  const dir = mkdtempSync(join(tmpdir(), "wrapup-action-"));

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld(), tokenActor: ACTIONS_BOT });
  });
  afterAll(() => standIn?.close());

  function runAction(eventName: string, payload: unknown) {
    const eventPath = join(dir, `${eventName}.json`);
    writeFileSync(eventPath, JSON.stringify(payload));
    return run(process.execPath, ["dist/action/index.js"], {
      cwd: REPO_ROOT,
      timeout: 30_000,
      env: {
        PATH: process.env.PATH ?? "",
        GITHUB_ACTIONS: "true",
        INPUT_TOKEN: "ghs_workflow_token",
        GITHUB_EVENT_NAME: eventName,
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_RUN_ID: "4711",
        GITHUB_REPOSITORY: HACKATHON,
        GITHUB_API_URL: standIn.apiUrl,
        WRAPUP_NOW: "2026-11-21T12:00:00Z",
      },
    }).catch((error: { stdout?: string; stderr?: string; code?: number }) => ({ stdout: error.stdout ?? "", stderr: `${error.stderr ?? ""} (exit ${error.code})` }));
  }

  it("a pull_request event gets the status comment", async () => {
    const { payload } = pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "opened", INSTALLATION_ID);
    const { stdout, stderr } = await runAction("pull_request", payload);
    const comments = threadOf(standIn, HACKATHON, WRAPUP_PR).filter((c) => c.author === ACTIONS_BOT && c.body.includes("wrapup-tracker:status"));
    expect(comments, `${stdout}\n${stderr}`).toHaveLength(1);
  }, 40_000);

  it("the same event again (a re-run) edits nothing and adds no comment", async () => {
    const mark = standIn.requests.length;
    const { payload } = pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "synchronize", INSTALLATION_ID);
    const { stdout, stderr } = await runAction("pull_request", payload);
    expect(standIn.requests.length, `${stdout}\n${stderr}`).toBeGreaterThan(mark);
    expect(writesSince(standIn, mark)).toEqual([]);
  }, 40_000);

  it("a schedule event sweeps the repository: the first sweep opens only the dashboard", async () => {
    const { stdout, stderr } = await runAction("schedule", { schedule: "0 6 * * *", repository: { full_name: HACKATHON } });
    const issues = Object.values(standIn.world.repos[HACKATHON]!.issues).filter((i) => i.author === ACTIONS_BOT);
    expect(issues.map((i) => i.title), `${stdout}\n${stderr}`).toEqual(["Wrap-up dashboard"]);
    expect(readStartBox(issues[0]!.body)).toBe(false);
  }, 40_000);

  it("an issues event ticking the dashboard's box starts the follow-ups", async () => {
    const dashboard = Object.values(standIn.world.repos[HACKATHON]!.issues).find((i) => i.author === ACTIONS_BOT)!;
    const ticked = dashboard.body.replace("- [ ] <!-- wrapup-tracker:start-following-up -->", "- [x] <!-- wrapup-tracker:start-following-up -->");
    const { payload } = issueEditedEvent(standIn.world, HACKATHON, dashboard.number, ticked, WRITER, INSTALLATION_ID);
    const { stdout, stderr } = await runAction("issues", payload);
    const followUps = Object.values(standIn.world.repos[HACKATHON]!.issues).filter((i) => i.author === ACTIONS_BOT && i.number !== dashboard.number);
    expect(followUps.map((i) => i.title), `${stdout}\n${stderr}`).toEqual([expect.stringContaining("Flaky Test Hunt")]);
    expect(readStartBox(dashboard.body)).toBe(true);
  }, 40_000);
});
