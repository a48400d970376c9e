import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration, elapsedDays, toIsoDate } from "../../src/progress/durations.js";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe("formatDuration", () => {
  it.each([
    [0, "less than an hour"],
    [HOUR, "1 hour"],
    [5 * HOUR, "5 hours"],
    [DAY, "1 day"],
    [74 * DAY, "74 days"],
    [90 * DAY, "90 days"],
    [91 * DAY, "2 months"],
    [340 * DAY, "11 months"],
    [366 * DAY, "1 year"],
    [800 * DAY, "2 years"],
    [-DAY, "less than an hour"],
  ])("%i ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("formatAgo", () => {
  const now = new Date("2026-11-21T12:00:00Z");
  it.each([
    ["2026-11-21T11:30:00Z", "just now"],
    ["2026-11-22T12:00:00Z", "just now"],
    ["2026-11-18T12:00:00Z", "3 days ago"],
    ["not a date", "at an unknown time"],
  ])("%s → %s", (from, text) => {
    expect(formatAgo(from, now)).toBe(text);
  });
});

describe("UTC days", () => {
  it("counts whole days regardless of the host time zone", () => {
    expect(elapsedDays("2026-11-20T23:59:00Z", new Date("2026-11-21T00:01:00Z"))).toBe(0);
    expect(toIsoDate("2026-11-21T23:30:00-05:00")).toBe("2026-11-22");
  });
});
