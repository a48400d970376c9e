/** The write storm through the sweep CLI: a fault-free reference, then faulty runs each followed by a clean one. */
import { expect } from "vitest";
import { startStandIn, type StandIn } from "../../../dev/github-stand-in/index.js";
import { runSweepCli } from "../../../dev/run-sweep-cli.js";
import { buildStormWorld, compareStorm, readStormState, STORM_NOW, STORM_REPO, type StormState } from "../../../dev/storm-world.js";

export const stormSweep = (standIn: StandIn, args: string[] = []) => runSweepCli(standIn, STORM_REPO, ["--now", STORM_NOW, ...args]);

export const NO_ISSUES = { duplicateFollowUps: 0, doubledReminders: 0, lostFollowUps: 0, lostReminders: 0, different: 0 };

/** What a fault-free sweep of the storm world leaves behind. */
export async function stormReference(): Promise<StormState> {
  const standIn = await startStandIn({ world: buildStormWorld() });
  try {
    const run = await stormSweep(standIn);
    expect(run.code, run.stderr).toBe(0);
    return readStormState(standIn.world);
  } finally {
    await standIn.close();
  }
}

/** A faulty sweep, then a clean one; each compared with the reference. */
export async function stormThenClean(reference: StormState, inject: (standIn: StandIn) => void, args: string[] = []) {
  const standIn = await startStandIn({ world: buildStormWorld() });
  try {
    inject(standIn);
    const mark = standIn.requests.length;
    const faulty = await stormSweep(standIn, args);
    const faultyRequests = standIn.requests.slice(mark);
    const afterFaulty = compareStorm(readStormState(standIn.world), reference);
    standIn.faults.clear();
    standIn.points.resetAt = 0;
    const clean = await stormSweep(standIn);
    return { faulty, faultyRequests, afterFaulty, clean, afterClean: compareStorm(readStormState(standIn.world), reference) };
  } finally {
    await standIn.close();
  }
}
