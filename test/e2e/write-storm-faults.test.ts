/**
 * The fault suite of issue 10, one fault kind at a time, on the write-storm world (29 follow-ups,
 * 5 reminders): each ends with no duplicate, and one clean sweep after it leaves exactly the state
 * of a fault-free run. With the budget gone past `--max-wait`, the CLI stops at once with exit 3.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { StandIn } from "../../dev/github-stand-in/index.js";
import { STORM_FOLLOW_UPS, STORM_REMINDERS, type StormState } from "../../dev/storm-world.js";
import { NO_ISSUES, stormReference, stormThenClean } from "./helpers/storm.js";

let reference: StormState;
beforeAll(async () => void (reference = await stormReference()), 120_000);

describe("the write storm under each fault", () => {
  it.each([
    ["502 before writes", (s: StandIn) => void s.faults.fail502(4, "write")],
    ["502 after applied writes", (s: StandIn) => void s.faults.applyThenFail(6, "write")],
    ["timeouts, applied and not", (s: StandIn) => void s.faults.applyThenFail(3, "write", { status: 504, ms: 300 }).timeout(3, 300, "rest")],
    ["403 secondary limits on writes", (s: StandIn) => void s.faults.secondaryLimit(2, 1, "write")],
    ["the GraphQL budget exhausted mid-sweep (reset within --max-wait)", (s: StandIn) => void s.faults.exhaustPointsAfter(1, 3)],
  ])("%s: no duplicate, then the fault-free state", async (_name, inject) => {
    const run = await stormThenClean(reference, inject);
    expect(run.afterFaulty, run.faulty.stderr).toMatchObject({ duplicateFollowUps: 0, doubledReminders: 0, different: 0 });
    expect(run.afterClean, run.clean.stdout).toEqual(NO_ISSUES);
  }, 150_000);

  it("the GraphQL budget exhausted for an hour: exit 3 at once with one line naming the limit and its reset; nothing written; the next sweep resumes", async () => {
    const run = await stormThenClean(reference, (s) => void s.faults.exhaustPoints(3_600));
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
    const run = await stormThenClean(reference, (s) => void s.faults.exhaustPointsAfter(1, 3_600), ["--max-wait", "5"]);
    expect(run.faulty.code, run.faulty.stderr).toBe(3);
    expect(run.faulty.summary).toMatchObject({ writes: 0, failed: 0, unchecked: STORM_FOLLOW_UPS + STORM_REMINDERS + 2 });
    expect(run.faulty.stderr).toMatch(/past --max-wait 5 s; 36 topic\(s\) not checked/);
    expect(run.afterClean).toEqual(NO_ISSUES);
  }, 150_000);
});
