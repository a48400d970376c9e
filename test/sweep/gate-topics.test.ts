import { describe, expect, it } from "vitest";
import { ConfigSchema } from "../../src/config/schema.js";
import { findThreads } from "../../src/progress/find-threads.js";
import { decideApproval } from "../../src/sweep/decide-approval.js";
import { eventAgeDays, gateTopics, isWithinHorizon } from "../../src/sweep/gate-topics.js";
import { makeReport, makeTopic } from "./make-report.js";

const NOW = new Date("2026-07-01T12:00:00Z");
const config = ConfigSchema.parse({});

describe("the horizon (followUp.maxEventAgeDays 180)", () => {
  it.each([
    ["179 days", "2026-01-03T12:00:00Z", 179, true],
    ["180 days", "2026-01-02T12:00:00Z", 180, true],
    ["181 days", "2026-01-01T12:00:00Z", 181, false],
    ["a date without time, 180 days", "2026-01-02", 180, true],
    ["five years", "2021-05-10", 1878, false],
    ["unknown", null, null, true],
  ])("an event %s old is within: %s", (_, date, age, within) => {
    expect(eventAgeDays(date, NOW)).toBe(age);
    expect(isWithinHorizon(date, NOW, 180)).toBe(within);
  });
});

describe("gateTopics", () => {
  const key = (r: { path: string }, t: { topic: { anchor: string } }) => `${r.path}#${t.topic.anchor}`;

  it("leaves recent topics open, holds old ones back, and hands an earlier topic of a thread to its continuation", () => {
    const old = { ...makeReport("2021.md", [makeTopic("old", "stalled", { prs: [1] })]), date: "2021-05-10" };
    const earlier = { ...makeReport("2026-01.md", [makeTopic("shared", "stalled", { prs: [7] })]), date: "2026-01-20" };
    const later = { ...makeReport("2026-05.md", [makeTopic("again", "stalled", { prs: [7] }), makeTopic("fresh", "stalled", { prs: [9] })]), date: "2026-05-12" };
    const reports = [old, earlier, later];
    const threads = findThreads(reports.map((r) => ({ ...r, topics: r.topics.map((t) => t.topic) })));
    const gates = gateTopics(reports, key, { threads, now: NOW, config });
    expect(Object.fromEntries(gates)).toEqual({
      "2021.md#old": { kind: "too-old", ageDays: 1878 },
      "2026-01.md#shared": { kind: "continued", continuation: expect.objectContaining({ path: "2026-05.md", anchor: "again", event: "05/2026" }) },
      "2026-05.md#again": { kind: "open" },
      "2026-05.md#fresh": { kind: "open" },
    });
  });
});

describe("decideApproval", () => {
  it.each([
    ["approval none", "none", null, false, true, "configured"],
    ["approval none, box unticked", "none", { ticked: false }, false, true, "configured"],
    ["a new repository", "dashboard", null, false, false, "new"],
    ["box unticked", "dashboard", { ticked: false }, true, false, "unticked"],
    ["box ticked", "dashboard", { ticked: true }, false, true, "ticked"],
    ["no dashboard yet, but follow-ups opened before it existed", "dashboard", null, true, true, "followed-up-before"],
  ] as const)("%s", (_, approval, dashboard, before, approved, why) => {
    const parsed = ConfigSchema.parse({ followUp: { approval } });
    expect(decideApproval(parsed, dashboard, before)).toEqual({ approved, why });
  });
});
