import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { formatTopicKey, parseFollowUpMarker } from "../../src/render/marker.js";
import { planSweep, type PlanSweepInput } from "../../src/sweep/plan-sweep.js";
import { createSweepTexts } from "../../src/sweep/sweep-texts.js";
import type { TopicGate } from "../../src/sweep/gate-topics.js";
import type { ExistingFollowUp, TrackingIssue } from "../../src/sweep/sweep-types.js";
import { makeReport, makeTopic } from "./make-report.js";

const NOW = new Date("2026-07-01T12:00:00Z");
const REPO = { owner: "acme", repo: "docs" };
const texts = createSweepTexts({ repo: "acme/docs", ref: "main", now: NOW });
const report = makeReport("w.md", [makeTopic("a", "stalled"), makeTopic("b", "stalled")]);
const keyA = texts.topicKey(report, report.topics[0]!);
const keyB = texts.topicKey(report, report.topics[1]!);

function input(overrides: Partial<PlanSweepInput> = {}): PlanSweepInput {
  return { reports: [report], config: ConfigSchema.parse({}), now: NOW, followUpRepo: REPO, existing: [], tracking: new Map(), authorsOf: () => [], texts, ...overrides };
}

function ours(key: string, number: number): ExistingFollowUp {
  const topic = report.topics.find((t) => texts.topicKey(report, t) === key)!;
  const { title, body } = texts.followUp(report, topic, []);
  const marker = parseFollowUpMarker(body)!;
  return { repo: REPO, number, state: "open", title, body, labels: [], key: formatTopicKey(marker), fingerprint: marker.fingerprint, snoozedUntil: null, updatedAt: "2026-01-01T00:00:00Z" };
}

const continuation = { path: "later.md", anchor: "c", title: "Topic c", event: "05/2026" };

describe("planSweep with gates", () => {
  it("opens nothing and reminds on nothing for a topic of an event past the horizon, but says why", () => {
    const gates = new Map<string, TopicGate>([[keyA, { kind: "too-old", ageDays: 400 }], [keyB, { kind: "too-old", ageDays: 400 }]]);
    const plan = planSweep(input({ gates, existing: [ours(keyA, 7)] }));
    expect(plan.actions).toEqual([]);
    expect(plan.skipped.map((s) => s.why)).toEqual([
      "the event is 400 days old (followUp.maxEventAgeDays 180)",
      "the event is 400 days old (followUp.maxEventAgeDays 180)",
    ]);
  });

  it("closes our follow-up of an earlier topic of a thread with a link to its continuation, and opens none for it", () => {
    const gates = new Map<string, TopicGate>([[keyA, { kind: "continued", continuation }], [keyB, { kind: "continued", continuation }]]);
    const plan = planSweep(input({ gates, existing: [ours(keyA, 7)] }));
    expect(plan.actions.map((a) => [a.kind, "number" in a ? a.number : null])).toEqual([["comment", 7], ["close-issue", 7]]);
    const comment = plan.actions[0]!;
    expect(comment.kind === "comment" && comment.body).toContain("**Continued in 05/2026:**");
    expect(comment.kind === "comment" && comment.body).toContain("(https://github.com/acme/docs/blob/main/later.md#c)");
  });

  it("reminds once per sweep on a tracking issue two topics share", () => {
    const issue: TrackingIssue = { repo: { owner: "acme", repo: "hackathon" }, number: 52, lastReminderAt: null };
    const plan = planSweep(input({ tracking: new Map([[keyA, issue], [keyB, issue]]) }));
    expect(plan.actions.map((a) => a.kind)).toEqual(["comment"]);
    expect(plan.skipped.map((s) => s.why)).toEqual(["another topic reminds on tracking issue #52 in this sweep"]);
  });

  it("opens the follow-up here, linking the tracking issue, where the app may not comment", () => {
    const elsewhere: TrackingIssue = { repo: { owner: "engine", repo: "core" }, number: 8810, lastReminderAt: null };
    const plan = planSweep(input({ reports: [makeReport("w.md", [report.topics[0]!])], trackingElsewhere: new Map([[keyA, elsewhere]]) }));
    const created = plan.actions[0]!;
    expect(created.kind).toBe("create-issue");
    expect(created.kind === "create-issue" && created.body).toContain("Tracked in [engine/core\\#8810](https://github.com/engine/core/issues/8810), where wrapup-tracker is not installed");
  });
});
