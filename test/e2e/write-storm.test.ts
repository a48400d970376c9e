/**
 * Issue 10's measured scenario, through the built `sweep` CLI and the stand-in: a sweep that should
 * open 29 follow-ups and remind on 5 tracking issues, against a stand-in failing a tenth of all
 * requests with 502 and answering three tenths of writes with 502 after applying them, at three
 * seeds. No duplicate after the faulty sweep; after one clean sweep, exactly the fault-free state.
 * The figures are printed by `npm run bench:write-faults`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { STORM_FOLLOW_UPS, STORM_REMINDERS, type StormState } from "../../dev/storm-world.js";
import { NO_ISSUES, stormReference, stormThenClean } from "./helpers/storm.js";

let reference: StormState;
beforeAll(async () => void (reference = await stormReference()), 120_000);

describe("the write storm (29 follow-ups, 5 reminders)", () => {
  it("a fault-free sweep writes exactly the scenario", () => {
    expect(reference.followUps.size).toBe(STORM_FOLLOW_UPS);
    expect(reference.reminders.size).toBe(STORM_REMINDERS);
  });

  it.each([1, 2, 3])("a tenth of requests 502, three tenths of writes applied then 502 (seed %i): no duplicate, then the fault-free state", async (seed) => {
    const run = await stormThenClean(reference, (s) => s.faults.random({ seed, failRate: 0.1, appliedFailRate: 0.3 }));
    expect(run.afterFaulty, run.faulty.stderr).toMatchObject({ duplicateFollowUps: 0, doubledReminders: 0, different: 0 });
    expect(run.afterClean, run.clean.stdout).toEqual(NO_ISSUES);
    // The faulty sweep found out, by look-ups, that GitHub had applied what it answered 502 to.
    expect(run.faulty.summary?.lookups).toBeGreaterThan(0);
    // What it reports failed is exactly what it lost; lost nothing, it exits 0.
    expect(run.faulty.summary?.failed).toBe(run.afterFaulty.lostFollowUps + run.afterFaulty.lostReminders);
    expect(run.faulty.code).toBe(run.faulty.summary?.failed ? 1 : 0);
  }, 150_000);

});
