import { afterEach, describe, expect, it } from "vitest";
import { githubClockOffset, githubNow, noteGithubDate, resetGithubClock } from "../../src/github/github-clock.js";

describe("GitHub's clock", () => {
  afterEach(() => resetGithubClock());

  it("is the host's until GitHub has answered", () => {
    expect(githubNow(1_000_000)).toBe(1_000_000);
    expect(githubClockOffset()).toBeNull();
  });

  it.each([
    ["12 days behind", -12 * 86_400_000],
    ["3 hours ahead", 3 * 3_600_000],
    ["in step", 0],
  ])("follows a Date header %s (within the header's 1 s)", (_, offset) => {
    const host = Date.parse("2026-11-21T12:00:00.000Z");
    noteGithubDate(new Date(host + offset).toUTCString(), host);
    expect(Math.abs(githubNow(host) - (host + offset))).toBeLessThanOrEqual(1_000);
  });

  it.each([[undefined], ["not a date"], [42]])("ignores a missing or unreadable header (%j)", (header) => {
    noteGithubDate(header, 5_000);
    expect(githubNow(5_000)).toBe(5_000);
  });
});
