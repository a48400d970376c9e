import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { parseFollowUpMarker, formatTopicKey } from "../../src/render/marker.js";
import { planSweep, UNCHECKED, type PlanSweepInput } from "../../src/sweep/plan-sweep.js";
import { readSnooze, writeSnooze } from "../../src/sweep/snooze-note.js";
import { createSweepTexts } from "../../src/sweep/sweep-texts.js";
import type { ExistingFollowUp, TrackingIssue } from "../../src/sweep/sweep-types.js";
import { makeReport, makeTopic } from "./make-report.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const REPO = { owner: "acme", repo: "hackathon" };
const texts = createSweepTexts({ repo: "acme/hackathon", ref: "main", now: NOW });

function input(overrides: Omit<Partial<PlanSweepInput>, "config"> & { config?: Record<string, unknown> } = {}): PlanSweepInput {
  const { config, ...rest } = overrides;
  return {
    reports: [],
    config: ConfigSchema.parse(config ?? {}),
    now: NOW,
    followUpRepo: REPO,
    existing: [],
    tracking: new Map(),
    authorsOf: () => [],
    texts,
    ...rest,
  };
}

/** What the sweep would have left behind: our follow-up issue for this topic, as found later. */
function existingFor(
  report: ReturnType<typeof makeReport>,
  index: number,
  overrides: Partial<ExistingFollowUp> = {},
): ExistingFollowUp {
  const topic = report.topics[index]!;
  const { title, body } = texts.followUp(report, topic, []);
  const marker = parseFollowUpMarker(body)!;
  return {
    repo: REPO,
    number: 40 + index,
    state: "open",
    title,
    body,
    labels: ["wrapup-follow-up"],
    key: formatTopicKey(marker),
    fingerprint: marker.fingerprint,
    snoozedUntil: null,
    updatedAt: "2026-11-20T00:00:00Z",
    ...overrides,
  };
}

describe("planSweep", () => {
  it("opens one follow-up per stalled topic, labelled, keyed by its marker", () => {
    const report = makeReport("wrapups/2026.md", [makeTopic("a", "stalled"), makeTopic("b", "active"), makeTopic("c", "stalled")]);
    const plan = planSweep(input({ reports: [report] }));
    expect(plan.actions.map((a) => a.kind)).toEqual(["create-issue", "create-issue"]);
    const first = plan.actions[0]!;
    if (first.kind !== "create-issue") throw new Error("expected create-issue");
    expect(first.title).toBe("Follow up: Topic a (Hack Week 2026)");
    expect(first.labels).toEqual(["wrapup-follow-up"]);
    expect(parseFollowUpMarker(first.body)).toMatchObject({ repo: "acme/hackathon", path: "wrapups/2026.md", anchor: "a" });
  });

  it.each([
    [0, 0, 3],
    [2, 2, 1],
    [3, 3, 0],
    [4, 3, 0],
  ])("with maxNewPerSweep %i opens %i and defers %i of 3", (max, opened, deferred) => {
    const report = makeReport("w.md", [makeTopic("a", "stalled"), makeTopic("b", "stalled"), makeTopic("c", "stalled")]);
    const plan = planSweep(input({ reports: [report], config: { followUp: { maxNewPerSweep: max } } }));
    expect(plan.actions.filter((a) => a.kind === "create-issue")).toHaveLength(opened);
    expect(plan.deferred).toBe(deferred);
  });

  it("writes nothing the second time (issue exists, body unchanged, reminded recently)", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 0)] }));
    expect(plan.actions).toEqual([]);
  });

  it("does not rewrite the body for reasons that merely aged (that would postpone reminders)", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled", { reason: "PR acme/widgets#100 open, no activity for 75 days" })]);
    const old = existingFor(makeReport("w.md", [makeTopic("a", "stalled")]), 0);
    expect(planSweep(input({ reports: [report], existing: [old] })).actions).toEqual([]);
  });

  it("ignores a new check time in an otherwise unchanged body", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    const old = existingFor(report, 0, { body: existingFor(report, 0).body.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/, "2026-10-01 08:00 UTC") });
    expect(planSweep(input({ reports: [report], existing: [old] })).actions).toEqual([]);
  });

  it.each([
    ["13 days", "2026-11-08T12:00:01Z", 0],
    ["14 days", "2026-11-07T12:00:00Z", 1],
    ["15 days", "2026-11-06T12:00:00Z", 1],
  ])("reminds on an open follow-up untouched for %s (remindEveryDays 14)", (_, updatedAt, reminders) => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 0, { updatedAt })] }));
    expect(plan.actions.filter((a) => a.kind === "comment")).toHaveLength(reminders);
  });

  it("keeps quiet while a follow-up is snoozed, and keeps the snooze when its links change", () => {
    const before = makeReport("w.md", [makeTopic("a", "stalled", { prs: [100] })]);
    const snoozed = existingFor(before, 0, { updatedAt: "2026-01-01T00:00:00Z" });
    snoozed.body = writeSnooze(snoozed.body, "2026-12-01T00:00:00.000Z");
    const report = makeReport("w.md", [makeTopic("a", "stalled", { prs: [100, 101] })]);
    const plan = planSweep(input({ reports: [report], existing: [snoozed] }));
    expect(plan.actions.map((a) => a.kind)).toEqual(["update-issue"]);
    const update = plan.actions[0]!;
    expect(update.kind === "update-issue" && readSnooze(update.body)).toBe("2026-12-01T00:00:00.000Z");
  });

  it("reminds again once the snooze is over", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    const snoozed = existingFor(report, 0, { updatedAt: "2026-01-01T00:00:00Z" });
    snoozed.body = writeSnooze(snoozed.body, "2026-11-20T00:00:00.000Z");
    expect(planSweep(input({ reports: [report], existing: [snoozed] })).actions.map((a) => a.kind)).toEqual(["comment"]);
  });

  it("comments and closes our open follow-up when its topic is done", () => {
    const report = makeReport("w.md", [makeTopic("a", "done")]);
    const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 0)] }));
    expect(plan.actions.map((a) => [a.kind, "number" in a ? a.number : null])).toEqual([
      ["comment", 40],
      ["close-issue", 40],
    ]);
  });

  it("leaves a done topic's follow-up open when closeWhenDone is off", () => {
    const report = makeReport("w.md", [makeTopic("a", "done")]);
    const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 0)], config: { followUp: { closeWhenDone: false } } }));
    expect(plan.actions).toEqual([]);
  });

  it("never reopens or recreates a follow-up a person closed while the links are the same", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 0, { state: "closed" })] }));
    expect(plan.actions).toEqual([]);
    expect(plan.skipped[0]?.why).toMatch(/closed/);
  });

  it("opens a new follow-up after a close when the topic's work links changed", () => {
    const before = makeReport("w.md", [makeTopic("a", "stalled", { prs: [100] })]);
    const closed = existingFor(before, 0, { state: "closed" });
    const after = makeReport("w.md", [makeTopic("a", "stalled", { prs: [100, 101] })]);
    const plan = planSweep(input({ reports: [after], existing: [closed] }));
    expect(plan.actions.map((a) => a.kind)).toEqual(["create-issue"]);
  });

  it("comments on the topic's open tracking issue instead of opening a follow-up, at most every remindEveryDays", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled", { tracking: { number: 7, open: true } })]);
    const key = texts.topicKey(report, report.topics[0]!);
    const tracking = (lastReminderAt: string | null) => new Map<string, TrackingIssue>([[key, { repo: { owner: "acme", repo: "widgets" }, number: 7, lastReminderAt }]]);
    const due = planSweep(input({ reports: [report], tracking: tracking(null) }));
    expect(due.actions.map((a) => [a.kind, a.repo.repo, "number" in a ? a.number : null])).toEqual([["comment", "widgets", 7]]);
    expect(planSweep(input({ reports: [report], tracking: tracking("2026-11-10T00:00:00Z") })).actions).toEqual([]);
  });

  it("never writes to the linked pull requests", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled", { prs: [100, 101] }), makeTopic("b", "done", { prs: [102] })]);
    const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 1)] }));
    for (const action of plan.actions) {
      expect(action.repo).toEqual(REPO);
      if ("number" in action) expect([100, 101, 102]).not.toContain(action.number);
    }
  });

  it("skips exempt topics and follow-ups carrying the exempt label", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled"), makeTopic("b", "done")]);
    const labelled = existingFor(report, 1, { labels: ["wrapup-exempt"] });
    const plan = planSweep(input({ reports: [report], existing: [labelled], config: { exempt: { topics: ["a"] } } }));
    expect(plan.actions).toEqual([]);
    expect(plan.skipped.map((s) => s.why)).toEqual(["topic is exempt", "follow-up #41 is labelled exempt"]);
  });

  it("opens nothing when follow-ups are disabled", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    expect(planSweep(input({ reports: [report], config: { followUp: { enabled: false } } })).actions).toEqual([]);
  });

  it("mentions authors only with assignAuthors, and never more than 5 people", () => {
    const report = makeReport("w.md", [makeTopic("a", "stalled")]);
    const authorsOf = () => ["u1", "u2", "u3", "u4", "u5", "u6", "u7"];
    const quiet = planSweep(input({ reports: [report], authorsOf }));
    expect(quiet.actions[0]!.kind === "create-issue" && quiet.actions[0]!.body).not.toContain("@u1");
    const loud = planSweep(input({ reports: [report], authorsOf, config: { followUp: { assignAuthors: true } } }));
    const body = loud.actions[0]!.kind === "create-issue" ? loud.actions[0]!.body : "";
    expect(body.match(/@u\d/g)).toEqual(["@u1", "@u2", "@u3", "@u4", "@u5"]);
  });

  describe("unknown is not evidence: a topic with a link GitHub could not tell us about", () => {
    /** The topic as judged when one of its two links came back as an error (budget used up, GitHub failing). */
    const withUnknownLink = (verdict: "done" | "stalled") => {
      const topic = makeTopic("a", verdict, { prs: [100, 101] });
      topic.judgement.links[1] = { ...topic.judgement.links[1]!, verdict: "unchecked", badge: "unchecked", reason: "PR acme/widgets#101 could not be checked (rate limit)" };
      return makeReport("w.md", [topic]);
    };

    it("is not closed as done on the evidence of its other links", () => {
      const report = withUnknownLink("done");
      const plan = planSweep(input({ reports: [report], existing: [existingFor(report, 0)] }));
      expect(plan.actions).toEqual([]);
      expect(plan.skipped).toEqual([{ key: expect.any(String), why: UNCHECKED }]);
    });

    it("gets no new follow-up and no reminder while stalled on partial evidence", () => {
      const report = withUnknownLink("stalled");
      expect(planSweep(input({ reports: [report] })).actions).toEqual([]);
      const reminded = planSweep(input({ reports: [report], existing: [existingFor(report, 0, { updatedAt: "2026-10-01T00:00:00Z" })] }));
      expect(reminded.actions).toEqual([]);
    });
  });
});
