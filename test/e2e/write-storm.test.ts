/**
 * The fault suite of issue 10, through the built `sweep` CLI and the stand-in: a sweep that should
 * open 29 follow-ups and remind on 5 tracking issues, under each of GitHub's bad habits. Each run
 * ends with no duplicate, and one clean sweep after it leaves exactly the state of a fault-free run.
 * The figures (duplicates, lost items, look-ups, exit times) are printed by `npm run bench:write-faults`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { runSweepCli } from "../../dev/run-sweep-cli.js";
import { buildStormWorld, compareStorm, readStormState, STORM_FOLLOW_UPS, STORM_NOW, STORM_REMINDERS, STORM_REPO, type StormState } from "../../dev/storm-world.js";

const sweep = (standIn: StandIn, args: string[] = []) => runSweepCli(standIn, STORM_REPO, ["--now", STORM_NOW, ...args]);
const NO_ISSUES = { duplicateFollowUps: 0, doubledReminders: 0, lostFollowUps: 0, lostReminders: 0, different: 0 };

let reference: StormState;

beforeAll(async () => {
  const standIn = await startStandIn({ world: buildStormWorld() });
  try {
    const run = await sweep(standIn);
    expect(run.code, run.stderr).toBe(0);
    reference = readStormState(standIn.world);
  } finally {
    await standIn.close();
  }
}, 120_000);

/** A faulty sweep, then a clean one: no duplicate after either, the reference state after the clean one. */
async function stormThenClean(inject: (standIn: StandIn) => void, args: string[] = []) {
  const standIn = await startStandIn({ world: buildStormWorld() });
  try {
    inject(standIn);
    const faulty = await sweep(standIn, args);
    const afterFaulty = compareStorm(readStormState(standIn.world), reference);
    standIn.faults.clear();
    standIn.points.resetAt = 0;
    const clean = await sweep(standIn);
    return { faulty, afterFaulty, clean, afterClean: compareStorm(readStormState(standIn.world), reference), standIn };
  } finally {
    await standIn.close();
  }
}

describe("the write storm (29 follow-ups, 5 reminders)", () => {
  it("a fault-free sweep writes exactly the scenario", () => {
    expect(reference.followUps.size).toBe(STORM_FOLLOW_UPS);
    expect(reference.reminders.size).toBe(STORM_REMINDERS);
  });

  it.each([1, 2, 3])("a tenth of requests 502, three tenths of writes applied then 502 (seed %i): no duplicate, then the fault-free state", async (seed) => {
    const run = await stormThenClean((s) => s.faults.random({ seed, failRate: 0.1, appliedFailRate: 0.3 }));
    expect(run.afterFaulty, run.faulty.stderr).toMatchObject({ duplicateFollowUps: 0, doubledReminders: 0, different: 0 });
    expect(run.afterClean, run.clean.stdout).toEqual(NO_ISSUES);
    // The faulty sweep found out, by look-ups, that GitHub had applied what it answered 502 to.
    expect(run.faulty.summary?.lookups).toBeGreaterThan(0);
    // What it reports failed is exactly what it lost; lost nothing, it exits 0.
    expect(run.faulty.summary?.failed).toBe(run.afterFaulty.lostFollowUps + run.afterFaulty.lostReminders);
    expect(run.faulty.code).toBe(run.faulty.summary?.failed ? 1 : 0);
  }, 150_000);

  it.each([
    ["502 before writes", (s: StandIn) => void s.faults.fail502(4, "write")],
    ["502 after applied writes", (s: StandIn) => void s.faults.applyThenFail(6, "write")],
    ["timeouts, applied and not", (s: StandIn) => void s.faults.applyThenFail(3, "write", { status: 504, ms: 300 }).timeout(3, 300, "rest")],
    ["403 secondary limits on writes", (s: StandIn) => void s.faults.secondaryLimit(2, 1, "write")],
    ["the GraphQL budget exhausted mid-sweep (reset within --max-wait)", (s: StandIn) => void s.faults.exhaustPointsAfter(1, 3)],
  ])("%s: no duplicate, then the fault-free state", async (_name, inject) => {
    const run = await stormThenClean(inject);
    expect(run.afterFaulty, run.faulty.stderr).toMatchObject({ duplicateFollowUps: 0, doubledReminders: 0, different: 0 });
    expect(run.afterClean, run.clean.stdout).toEqual(NO_ISSUES);
  }, 150_000);

  it("the GraphQL budget exhausted for an hour: exit 3 at once with one line naming the limit and its reset; nothing written; the next sweep resumes", async () => {
    const run = await stormThenClean((s) => void s.faults.exhaustPoints(3_600));
    expect(run.faulty.code).toBe(3);
    expect(run.faulty.ms).toBeLessThan(120_000);
    const lines = run.faulty.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^wrapup-tracker sweep: stopped: GitHub's GraphQL rate limit is used up until \d{4}-\d\d-\d\d \d\d:\d\d UTC, past --max-wait 60 s/);
    expect(run.afterFaulty).toMatchObject({ lostFollowUps: STORM_FOLLOW_UPS, lostReminders: STORM_REMINDERS, duplicateFollowUps: 0 });
    expect(run.afterClean).toEqual(NO_ISSUES);
  }, 150_000);

  it("the budget running out mid-sweep for an hour: topics it could not check get no write, exit 3; the next sweep completes", async () => {
    // The file texts come through; every link query after them is refused.
    const run = await stormThenClean((s) => void s.faults.exhaustPointsAfter(1, 3_600), ["--max-wait", "5"]);
    expect(run.faulty.code, run.faulty.stderr).toBe(3);
    expect(run.faulty.summary).toMatchObject({ writes: 0, failed: 0, unchecked: STORM_FOLLOW_UPS + STORM_REMINDERS + 2 });
    expect(run.faulty.stderr).toMatch(/past --max-wait 5 s; 36 topic\(s\) not checked/);
    expect(run.afterClean).toEqual(NO_ISSUES);
  }, 150_000);
});
