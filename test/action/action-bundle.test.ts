/**
 * The Action as GitHub runs it: action.yml's `main`, copied with nothing else (no node_modules, no
 * lib/, no package.json of ours) into an empty folder, started by Node with the variables the runner
 * sets — a `workflow_dispatch` sweep against the GitHub stand-in opens the dashboard and sets outputs.
 */
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { parse as parseYaml } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { REPO_ROOT } from "../e2e/helpers/app-process.js";
import { buildE2eWorld, EXPECTED_VERDICTS, HACKATHON, NOW } from "../e2e/helpers/e2e-world.js";
import { writesSince } from "../e2e/helpers/inspect.js";
import { readStartBox } from "../../src/render/dashboard-marker.js";

const run = promisify(execFile);
const ACTIONS_BOT = "github-actions[bot]";

interface ActionYml {
  runs: { using: string; main: string };
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
}
const actionYml = parseYaml(readFileSync(join(REPO_ROOT, "action.yml"), "utf8")) as ActionYml;

describe("action.yml", () => {
  it("runs a committed bundle on a Node the runner offers, at 22 or later", () => {
    expect(actionYml.runs.using).toMatch(/^node(2[4-9]|[3-9]\d)$/);
    expect(existsSync(join(REPO_ROOT, actionYml.runs.main))).toBe(true);
    expect(Object.keys(actionYml.inputs).sort()).toEqual(["config", "dry-run", "token"]);
    expect(Object.keys(actionYml.outputs)).toEqual(expect.arrayContaining(["stalled", "dashboard-issue"]));
  });

  it("is all the example workflow runs: one step, no checkout, no setup, no install", () => {
    const workflow = parseYaml(readFileSync(join(REPO_ROOT, "examples/workflows/wrapup-tracker.yml"), "utf8")) as {
      jobs: Record<string, { steps: { uses?: string; run?: string }[] }>;
    };
    const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
    expect(steps.map((step) => step.uses ?? step.run)).toEqual(["<owner>/wrapup-tracker@v1"]);
  });
});

describe("the committed bundle, alone in an empty folder", () => {
  let standIn: StandIn;
  const home = mkdtempSync(join(tmpdir(), "wrapup-action-bundle-"));
  const actionDir = join(home, "action");
  const workspace = join(home, "workspace");

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld(), tokenActor: ACTIONS_BOT });
    // What the runner downloads for `uses:` is the repository at a tag; the bundle's folder is all it runs.
    const main = actionYml.runs.main;
    mkdirSync(join(actionDir, dirname(main)), { recursive: true });
    cpSync(join(REPO_ROOT, dirname(main)), join(actionDir, dirname(main)), { recursive: true });
    cpSync(join(REPO_ROOT, "action.yml"), join(actionDir, "action.yml"));
    mkdirSync(workspace);
  });
  afterAll(() => standIn?.close());

  /** The environment the runner builds: INPUT_<NAME> for each input (defaults filled in), GITHUB_*. */
  function runnerEnv(eventName: string, payload: unknown, inputs: Record<string, string>) {
    const eventPath = join(home, `${eventName}.json`);
    writeFileSync(eventPath, JSON.stringify(payload));
    const outputPath = join(home, `${eventName}.output`);
    writeFileSync(outputPath, "");
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? "",
      GITHUB_ACTIONS: "true",
      GITHUB_EVENT_NAME: eventName,
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_OUTPUT: outputPath,
      GITHUB_REPOSITORY: HACKATHON,
      GITHUB_RUN_ID: "4712",
      GITHUB_WORKSPACE: workspace,
      GITHUB_API_URL: standIn.apiUrl,
      GITHUB_GRAPHQL_URL: standIn.graphqlUrl,
      WRAPUP_NOW: NOW,
    };
    for (const [name, spec] of Object.entries(actionYml.inputs)) {
      env[`INPUT_${name.toUpperCase()}`] = inputs[name] ?? (spec.default?.includes("${{") ? "" : (spec.default ?? ""));
    }
    return { env, outputPath };
  }

  it("a workflow_dispatch run sweeps: the dashboard opens, the outputs are set, exit 0", async () => {
    const { env, outputPath } = runnerEnv("workflow_dispatch", { inputs: {}, ref: "refs/heads/main", repository: { full_name: HACKATHON } }, { token: "ghs_workflow_token" });
    const result = await run(process.execPath, [join(actionDir, actionYml.runs.main)], { cwd: workspace, env, timeout: 60_000 }).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code?: number; stdout?: string; stderr?: string }) => ({ code: error.code, stdout: error.stdout ?? "", stderr: error.stderr ?? "" }),
    );
    const log = `${result.stdout}\n${result.stderr}`;
    expect(result.code, log).toBe(0);
    const issues = Object.values(standIn.world.repos[HACKATHON]!.issues).filter((i) => i.author === ACTIONS_BOT);
    expect(issues.map((i) => i.title), log).toEqual(["Wrap-up dashboard"]);
    expect(readStartBox(issues[0]!.body)).toBe(false);
    const outputs = Object.fromEntries(readFileSync(outputPath, "utf8").trim().split("\n").map((line) => line.split("=") as [string, string]));
    const stalled = Object.values(EXPECTED_VERDICTS).filter((verdict) => verdict === "stalled").length;
    expect(outputs).toEqual({ stalled: String(stalled), "dashboard-issue": String(issues[0]!.number), "wrap-ups": "1" });
  }, 90_000);

  it("`config` names another file in .github/, and `dry-run` makes no write", async () => {
    const repo = standIn.world.repos[HACKATHON]!;
    repo.files[repo.defaultBranch]![".github/hack-week.yml"] = "dashboard:\n  title: Hack week board\n";
    const dashboard = () => Object.values(repo.issues).find((i) => i.author === ACTIONS_BOT)!;
    const sweep = async (inputs: Record<string, string>) => {
      const { env } = runnerEnv("workflow_dispatch", { inputs: {} }, { token: "ghs_workflow_token", ...inputs });
      return run(process.execPath, [join(actionDir, actionYml.runs.main)], { cwd: workspace, env, timeout: 60_000 });
    };
    const mark = standIn.requests.length;
    const dry = await sweep({ config: "hack-week.yml", "dry-run": "true" });
    expect(writesSince(standIn, mark), dry.stdout).toEqual([]);
    expect(dashboard().title).toBe("Wrap-up dashboard");
    await sweep({ config: "hack-week.yml" });
    expect(dashboard().title).toBe("Hack week board");
  }, 120_000);

  it("a bad input stops it before any request, exit 2", async () => {
    const mark = standIn.requests.length;
    const { env } = runnerEnv("workflow_dispatch", {}, { token: "ghs_workflow_token", "dry-run": "maybe" });
    const failure = await run(process.execPath, [join(actionDir, actionYml.runs.main)], { cwd: workspace, env, timeout: 30_000 }).then(
      () => ({ code: 0, stderr: "" }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? "" }),
    );
    expect(failure).toEqual({ code: 2, stderr: expect.stringContaining("dry-run") });
    expect(standIn.requests.length).toBe(mark);
  }, 40_000);
});
