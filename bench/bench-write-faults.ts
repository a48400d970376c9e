/**
 * Issue 10's figures: the write storm (a sweep that should open 29 follow-ups and remind on 5
 * tracking issues) through the built `sweep` CLI, against a stand-in failing a tenth of all requests
 * with 502 and answering three tenths of writes with 502 after applying them, at three seeds; then
 * one clean sweep. Prints duplicates and lost items after each, the look-ups spent, and how fast the
 * CLI stops when the GraphQL budget is gone for an hour. `npm run bench:write-faults` (needs `npm run build`).
 */
import { startStandIn, type RecordedRequest, type StandIn } from "../dev/github-stand-in/index.js";
import { runSweepCli, type CliRun } from "../dev/run-sweep-cli.js";
import { buildStormWorld, compareStorm, readStormState, STORM_NOW, STORM_REPO, type StormState } from "../dev/storm-world.js";

const sweep = (standIn: StandIn) => runSweepCli(standIn, STORM_REPO, ["--now", STORM_NOW]);
/** Look-ups are the listings `createOnce` sends with `since`; nothing else in a sweep does. */
const isLookup = (r: RecordedRequest) => r.method === "GET" && r.query.since !== undefined;

async function withStandIn<T>(run: (standIn: StandIn) => Promise<T>): Promise<T> {
  const standIn = await startStandIn({ world: buildStormWorld() });
  try {
    return await run(standIn);
  } finally {
    await standIn.close();
  }
}

async function reference(): Promise<StormState> {
  return withStandIn(async (standIn) => {
    const run = await sweep(standIn);
    if (run.code !== 0) throw new Error(`the fault-free sweep failed:\n${run.stderr}`);
    return readStormState(standIn.world);
  });
}

function line(cells: (string | number)[]): string {
  return `| ${cells.join(" | ")} |`;
}

async function measureSeed(seed: number, expected: StormState): Promise<string> {
  return withStandIn(async (standIn) => {
    standIn.faults.random({ seed, failRate: 0.1, appliedFailRate: 0.3 });
    const faulty: CliRun = await sweep(standIn);
    const requests = standIn.requests;
    const lookups = requests.filter(isLookup).length;
    const applied = requests.filter((r) => r.fault === "applied").length;
    const failed502 = requests.filter((r) => r.fault === "status").length;
    const after = compareStorm(readStormState(standIn.world), expected);
    standIn.faults.clear();
    await sweep(standIn);
    const clean = compareStorm(readStormState(standIn.world), expected);
    return line([
      seed,
      `${requests.length} (${failed502} × 502, ${applied} applied then 502)`,
      `${after.duplicateFollowUps} / ${after.doubledReminders}`,
      `${after.lostFollowUps} / ${after.lostReminders}`,
      `${faulty.summary?.failed ?? "?"} (exit ${faulty.code})`,
      `${lookups} (${((lookups / requests.length) * 100).toFixed(1)}%)`,
      `${clean.duplicateFollowUps} / ${clean.doubledReminders}`,
      `${clean.lostFollowUps} / ${clean.lostReminders}`,
      `${(faulty.ms / 1000).toFixed(1)} s`,
    ]);
  });
}

async function measureBudget(name: string, inject: (standIn: StandIn) => void): Promise<string> {
  return withStandIn(async (standIn) => {
    inject(standIn);
    const run = await sweep(standIn);
    return line([name, run.code, `${(run.ms / 1000).toFixed(1)} s`, run.stderr.trim().split("\n").length, run.stderr.trim()]);
  });
}

const expected = await reference();
console.log(`reference: ${expected.followUps.size} follow-ups, ${expected.reminders.size} reminders\n`);
console.log(line(["seed", "requests (faults)", "duplicates after (follow-ups / reminders)", "lost after", "reported failed", "look-up requests", "duplicates after clean sweep", "lost after clean sweep", "faulty sweep time"]));
console.log(line(Array(9).fill("---:")));
for (const seed of [1, 2, 3]) console.log(await measureSeed(seed, expected));
console.log();
console.log(line(["GraphQL budget gone for an hour", "exit", "time", "stderr lines", "message"]));
console.log(line(Array(5).fill("---")));
console.log(await measureBudget("before the sweep", (s) => void s.faults.exhaustPoints(3_600)));
console.log(await measureBudget("after the file texts", (s) => void s.faults.exhaustPointsAfter(1, 3_600)));
