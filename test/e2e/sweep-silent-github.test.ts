/**
 * The sweep CLI against a GitHub that accepts connections and never answers — GraphQL only, then
 * everything: it stops within 90 s with one line naming what did not answer, exit 1, and writes
 * nothing. A short deadline (WRAPUP_GITHUB_TIMEOUT_MS) keeps the test quick; retries still happen.
 */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { freePort } from "../../dev/app-process.js";
import { runSweepCli } from "../../dev/run-sweep-cli.js";
import { buildE2eWorld, HACKATHON, NOW, START_AT_ONCE } from "./helpers/e2e-world.js";

const TIMEOUT = { WRAPUP_GITHUB_TIMEOUT_MS: "2000" };

describe("sweep CLI when GitHub goes silent", () => {
  let standIn: StandIn;
  beforeEach(async () => void (standIn = await startStandIn({ world: buildE2eWorld({ config: START_AT_ONCE }) })));
  afterEach(async () => await standIn?.close());

  it.each([
    ["GraphQL only", "graphql" as const, /^wrapup-tracker sweep: stopped: GitHub did not answer within 2 s: POST http:\/\/127\.0\.0\.1:\d+\/api\/graphql$/],
    ["everything", "any" as const, /^wrapup-tracker sweep: stopped: GitHub did not answer within 2 s: GET http:\/\/127\.0\.0\.1:\d+\/api\/v3\/$/],
  ])("%s: exit 1 within 90 s, one line naming what timed out, nothing written", async (_name, target, line) => {
    standIn.faults.hang(target);
    const run = await runSweepCli(standIn, HACKATHON, ["--now", NOW], TIMEOUT);
    expect(run.code, run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(90_000);
    const lines = run.stderr.trim().split("\n");
    expect(lines, run.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(line);
    expect(standIn.writes()).toEqual([]);
    // GraphQL silent: its read was retried before giving up. Everything silent: the first request
    // (the API's root, asked before anything else) already tells, so the run stops at once.
    expect(standIn.requests.filter((r) => r.fault === "hang").length).toBe(target === "graphql" ? 4 : 1);
    console.log(`silent GitHub (${target}): exit ${run.code} after ${run.ms} ms, ${standIn.requests.length} requests: ${lines[0]}`);
  }, 100_000);

  it("GraphQL silent with the default 30 s deadline: two attempts fit the silent budget, exit 1 within 90 s", async () => {
    standIn.faults.hang("graphql");
    const run = await runSweepCli(standIn, HACKATHON, ["--now", NOW], {});
    expect(run.code, run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(90_000);
    expect(run.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^wrapup-tracker sweep: stopped: GitHub did not answer within 30 s: POST /)]);
    expect(standIn.requests.filter((r) => r.fault === "hang").length).toBe(2);
    expect(standIn.writes()).toEqual([]);
    console.log(`silent GraphQL, default deadline: exit ${run.code} after ${run.ms} ms`);
  }, 100_000);

  it("nothing listening at the address: exit 1 at once with one line, no retry loop", async () => {
    const port = await freePort();
    // The later --api-url wins: the stand-in only lends the app's id.
    const run = await runSweepCli(standIn, HACKATHON, ["--now", NOW, "--api-url", `http://127.0.0.1:${port}/api/v3`], TIMEOUT);
    expect(run.code, run.stderr).toBe(1);
    expect(run.ms).toBeLessThan(10_000);
    expect(run.stderr.trim().split("\n")).toEqual([`wrapup-tracker sweep: stopped: GitHub could not be reached at http://127.0.0.1:${port}/api/v3/ (ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:${port})`]);
    expect(standIn.requests).toEqual([]);
  }, 30_000);
});
