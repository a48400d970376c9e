/**
 * The write-storm scenario of issue 10: a wrap-up whose sweep, at `STORM_NOW`, opens 29 follow-up
 * issues and comments on 5 tracking issues (plus a done and an active topic that write nothing),
 * and what to read back from the stand-in's world to judge a run: follow-ups and reminders by key,
 * duplicates, lost items. Shared by the fault suite (test/e2e/write-storm.test.ts) and its
 * benchmark (bench/bench-write-faults.ts).
 */
import { addInstallation, addIssue, addPull, addRepo, createWorld, findRepo, makeComment, type World } from "./github-stand-in/index.js";

export const STORM_NOW = "2026-11-21T12:00:00Z";
export const STORM_REPO = "acme/hackathon";
export const STORM_WORK_REPO = "acme/widgets";
export const STORM_INSTALLATION = 31;
export const STORM_FOLLOW_UPS = 29;
export const STORM_REMINDERS = 5;
const BOT = "wrapup-tracker[bot]";
const PATH = "wrapups/2026-09-storm.md";

function topic(n: number, tracking: boolean): string {
  const tracked = tracking ? `\n**Issue:** https://github.com/${STORM_WORK_REPO}/issues/${300 + n}\n` : "";
  return `## Stalled Topic ${n}\n\n**Next Steps:** Finish part ${n}.\n\n**Code/Pull Requests:** https://github.com/${STORM_WORK_REPO}/pull/${100 + n}\n${tracked}`;
}

export function buildStormWorld(): World {
  const world = createWorld();
  const stalled = Array.from({ length: STORM_FOLLOW_UPS + STORM_REMINDERS }, (_, i) => topic(i + 1, i >= STORM_FOLLOW_UPS));
  const text = [
    "# Storm Hack Week 2026-09-01 Wrap Up\n",
    "## Shipped Cache\n\n**Next Steps:** Roll it out.\n\n**Code/Pull Requests:** https://github.com/acme/widgets/pull/90\n",
    "## Busy Importer\n\n**Next Steps:** Finish the review.\n\n**Code/Pull Requests:** https://github.com/acme/widgets/pull/91\n",
    ...stalled,
  ].join("\n");
  // Follow-ups start at once (no dashboard approval): the storm measures writes, not onboarding.
  const files = { [PATH]: text, ".github/wrapup-tracker.yml": "followUp:\n  maxNewPerSweep: 50\n  approval: none\n" };
  addRepo(world, STORM_REPO, { files, at: "2026-09-02T09:00:00Z" });
  addRepo(world, STORM_WORK_REPO, { at: "2026-08-01T00:00:00Z" });
  addPull(world, STORM_WORK_REPO, { number: 90, state: "MERGED", author: "bob", createdAt: "2026-09-01T10:00:00Z", mergedAt: "2026-09-10T10:00:00Z" });
  const recent = [{ oid: "a".repeat(40), message: "Review fixes", committedDate: "2026-11-15T10:00:00Z", author: "bob" }];
  addPull(world, STORM_WORK_REPO, { number: 91, author: "bob", createdAt: "2026-09-01T10:00:00Z", commits: recent });
  for (let n = 1; n <= STORM_FOLLOW_UPS + STORM_REMINDERS; n++) {
    const commits = [{ oid: (n + 10).toString(16).padStart(40, "c"), message: `Part ${n}`, committedDate: "2026-09-05T10:00:00Z", author: "carol" }];
    addPull(world, STORM_WORK_REPO, { number: 100 + n, author: "carol", createdAt: "2026-09-01T10:00:00Z", title: `Part ${n}`, commits });
    if (n > STORM_FOLLOW_UPS) {
      const issue = addIssue(world, STORM_WORK_REPO, { number: 300 + n, title: `Tracking ${n}`, author: "dan", createdAt: "2026-09-02T10:00:00Z" });
      issue.comments.push(makeComment(world, "dan", "Plan: later.", "2026-09-03T10:00:00Z"));
    }
  }
  addInstallation(world, STORM_INSTALLATION, "acme", "all");
  return world;
}

/** What a sweep left in the world: our follow-ups by marker, our comments on the tracking issues. */
export interface StormState {
  /** Follow-up marker → our issues carrying it (state and body); one each when all is well. */
  followUps: Map<string, { number: number; state: string; title: string; body: string }[]>;
  /** `#issue marker` → our comments carrying it. */
  reminders: Map<string, string[]>;
}

const MARKER = /<!-- wrapup-tracker:[^\n]*? -->/;

export function readStormState(world: World): StormState {
  const followUps: StormState["followUps"] = new Map();
  const reminders: StormState["reminders"] = new Map();
  const [owner = "", name = ""] = STORM_REPO.split("/");
  for (const issue of Object.values(findRepo(world, owner, name)?.issues ?? {})) {
    const marker = MARKER.exec(issue.body)?.[0];
    if (issue.author !== BOT || !marker?.includes(":follow-up ")) continue;
    followUps.set(marker, [...(followUps.get(marker) ?? []), { number: issue.number, state: issue.state, title: issue.title, body: issue.body }]);
  }
  const [wOwner = "", wName = ""] = STORM_WORK_REPO.split("/");
  for (const issue of Object.values(findRepo(world, wOwner, wName)?.issues ?? {})) {
    for (const comment of issue.comments.filter((c) => c.author === BOT)) {
      const key = `#${issue.number} ${MARKER.exec(comment.body)?.[0] ?? comment.body}`;
      reminders.set(key, [...(reminders.get(key) ?? []), comment.body]);
    }
  }
  return { followUps, reminders };
}

export interface StormFigures {
  /** Follow-up issues beyond one per topic (open or closed). */
  duplicateFollowUps: number;
  /** Reminder comments beyond one per issue and sweep. */
  doubledReminders: number;
  /** Follow-ups and reminders of the reference run that are missing. */
  lostFollowUps: number;
  lostReminders: number;
  /** Open follow-ups or reminders whose text differs from the reference's. */
  different: number;
}

/** Compares a run's state with the fault-free reference. */
export function compareStorm(state: StormState, reference: StormState): StormFigures {
  const extra = (groups: Iterable<unknown[]>) => [...groups].reduce<number>((sum, group) => sum + Math.max(0, group.length - 1), 0);
  let different = 0;
  for (const [marker, [expected]] of reference.followUps) {
    const open = state.followUps.get(marker)?.find((i) => i.state === "OPEN");
    if (open && expected && (open.title !== expected.title || open.body !== expected.body)) different += 1;
  }
  for (const [key, [expected]] of reference.reminders) {
    const body = state.reminders.get(key)?.[0];
    if (body !== undefined && body !== expected) different += 1;
  }
  return {
    duplicateFollowUps: extra(state.followUps.values()),
    doubledReminders: extra(state.reminders.values()),
    lostFollowUps: [...reference.followUps.keys()].filter((m) => !state.followUps.get(m)?.some((i) => i.state === "OPEN")).length,
    lostReminders: [...reference.reminders.keys()].filter((k) => !state.reminders.has(k)).length,
    different,
  };
}
