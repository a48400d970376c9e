import { describe, expect, it } from "vitest";
import { FOLLOW_UP_CALL_TO_ACTION, renderFollowUpIssue, renderFollowUpTitle, fingerprintTopic } from "../../src/render/render-follow-up.js";
import { renderReminderComment } from "../../src/render/render-reminder.js";
import { renderClosingComment } from "../../src/render/render-closing.js";
import { renderConfigProblemsIssue, CONFIG_PROBLEMS_TITLE } from "../../src/render/render-config-problems.js";
import { CONFIG_PROBLEMS_MARKER, parseClosingMarker, parseFollowUpMarker, parseReminderMarker } from "../../src/render/marker.js";
import { NOW } from "../progress/build-states.js";
import { sampleReport } from "./sample-report.js";
import { HOSTILE, hostileReport } from "./hostile-report.js";
import { expectSafe } from "./expect-safe.js";

const location = { repo: "gardener/documentation", ref: "master", path: "wrapups/2026-11-hack-the-garden.md" };
const key = { repo: location.repo, path: location.path, anchor: "gardener-on-ipv6-dual-stack" };
const stalled = () => sampleReport().topics[0]!;
const done = () => sampleReport().topics[2]!;

describe("renderFollowUpIssue", () => {
  it("renders the issue for a stalled topic", () => {
    const issue = renderFollowUpIssue({ topic: stalled(), wrapUpTitle: "Hack the Garden 11/2026", location, now: NOW });
    expect(issue.title).toBe("Follow up: Gardener on IPv6 (dual stack) (Hack the Garden 11/2026)");
    expect(issue.body).toMatchSnapshot();
    expect(issue.body).toContain("(https://github.com/gardener/documentation/blob/master/wrapups/2026-11-hack-the-garden.md#gardener-on-ipv6-dual-stack)");
    expect(parseFollowUpMarker(issue.body)).toEqual({ ...key, fingerprint: fingerprintTopic(stalled()) });
    expectSafe(issue.body);
  });

  it("mentions at most 5 valid logins, once each", () => {
    const mentions = ["a", "b", "a", "c", "d", "e", "f", "not a login", "@x"];
    const { body } = renderFollowUpIssue({ topic: stalled(), wrapUpTitle: "W", location, now: NOW, mentions });
    expect(body).toContain("cc @a @b @c @d @e\n");
    expectSafe(body, { allowedMentions: ["a", "b", "c", "d", "e"] });
  });

  it("keeps hostile and huge text harmless and the body under the limit", () => {
    for (const report of [hostileReport(), hostileReport({ title: `${HOSTILE} ${"y".repeat(100_000)}` })]) {
      const topic = report.topics[0]!;
      const issue = renderFollowUpIssue({ topic, wrapUpTitle: report.title!, location: { ...location, path: report.path }, now: NOW });
      expectSafe(issue.body);
      expect(issue.title.length).toBeLessThanOrEqual(256);
      expect(issue.title).not.toMatch(/@[a-z]/i);
      expect(parseFollowUpMarker(issue.body)).toEqual(issue.marker);
      expect(issue.marker.path).toBe(report.path);
    }
  });

  it("fits a body whose next steps are huge, keeping marker and footer", () => {
    const report = hostileReport();
    const topic = { ...report.topics[0]!, judgement: { ...report.topics[0]!.judgement, links: Array(5000).fill(report.topics[0]!.judgement.links[0]) } };
    const issue = renderFollowUpIssue({ topic, wrapUpTitle: "W", location, now: NOW, limit: 10_000 });
    expect(issue.body.length).toBeLessThanOrEqual(10_000);
    expect(parseFollowUpMarker(issue.body)).toEqual(issue.marker);
    expect(issue.body).toContain("`/snooze <days>` (for example `/snooze 30`)");
    expect(issue.body).toMatch(/Comment `\/refresh` to check now\.<\/sub>$/);
  });

  it("ends with what a reader can do: link the work, snooze, or close", () => {
    const { body } = renderFollowUpIssue({ topic: stalled(), wrapUpTitle: "W", location, now: NOW });
    expect(body).toContain(FOLLOW_UP_CALL_TO_ACTION);
    expect(body.indexOf("**What now?**")).toBeGreaterThan(body.indexOf("**Work**"));
  });

  it("fingerprints the set of work links", () => {
    expect(fingerprintTopic(stalled())).not.toBe(fingerprintTopic(done()));
    expect(renderFollowUpTitle("x".repeat(1000), "W").length).toBeLessThanOrEqual(256);
  });
});

describe("renderReminderComment", () => {
  it("reminds with the reason, next steps and links", () => {
    const body = renderReminderComment({ topic: stalled(), wrapUpTitle: "Hack the Garden 11/2026", key, location, now: NOW });
    expect(body).toMatchSnapshot();
    expect(parseReminderMarker(body)).toEqual({ ...key, at: NOW.toISOString() });
    expectSafe(body);
  });

  it("stays safe with hostile text", () => {
    const report = hostileReport();
    const body = renderReminderComment({ topic: report.topics[0]!, wrapUpTitle: report.title!, key, now: NOW });
    expectSafe(body);
    expect(parseReminderMarker(body)?.anchor).toBe(key.anchor);
  });
});

describe("renderClosingComment", () => {
  it("says why the topic is done", () => {
    const body = renderClosingComment({ topic: done(), key, location, now: NOW });
    expect(body).toMatchSnapshot();
    expect(parseClosingMarker(body)).toEqual({ ...key, at: NOW.toISOString() });
    expectSafe(body);
  });
});

describe("renderConfigProblemsIssue", () => {
  it("lists the problems under a fixed title and marker", () => {
    const issue = renderConfigProblemsIssue({ problems: ['staleAfterDays: expected a positive integer, got "soon"', "@x: fixes #1 <script>"], now: NOW });
    expect(issue.title).toBe(CONFIG_PROBLEMS_TITLE);
    expect(issue.body.startsWith(CONFIG_PROBLEMS_MARKER)).toBe(true);
    expect(issue.body).toMatchSnapshot();
    expectSafe(issue.body);
  });
});
