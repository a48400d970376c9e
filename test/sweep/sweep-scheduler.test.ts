import { afterEach, describe, expect, it, vi } from "vitest";
import { isSweepTimerDisabled, startSweepScheduler } from "../../src/sweep/sweep-scheduler.js";
import { readSnooze, snoozeUntil, writeSnooze } from "../../src/sweep/snooze-note.js";
import { selectCandidatePaths } from "../../src/pipeline/select-paths.js";

describe("startSweepScheduler", () => {
  afterEach(() => vi.useRealTimers());

  it("sweeps every period plus jitter, never twice at once", async () => {
    vi.useFakeTimers();
    let running = 0;
    let started = 0;
    let release: () => void = () => undefined;
    const sweep = () => {
      started += 1;
      running += 1;
      return new Promise<void>((resolve) => {
        release = () => {
          running -= 1;
          resolve();
        };
      });
    };
    const scheduler = startSweepScheduler(sweep, { everyHours: 1, firstDelayMs: 1000, random: () => 0.5 });
    await vi.advanceTimersByTimeAsync(999);
    expect(started).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(1);
    void scheduler.runNow();
    expect(started).toBe(1);
    expect(running).toBe(1);
    release();
    await vi.advanceTimersByTimeAsync(0);
    // Next tick: one hour plus 5% jitter (random 0.5 × 10%).
    await vi.advanceTimersByTimeAsync(3_600_000 + 180_000 - 1);
    expect(started).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toBe(2);
    release();
    scheduler.stop();
  });

  it("keeps going after a failed sweep and reports the error", async () => {
    vi.useFakeTimers();
    const errors: unknown[] = [];
    let calls = 0;
    const scheduler = startSweepScheduler(
      async () => {
        calls += 1;
        throw new Error("boom");
      },
      { everyHours: 1, firstDelayMs: 10, random: () => 0, onError: (e) => errors.push(e) },
    );
    await vi.advanceTimersByTimeAsync(10 + 3_600_000);
    expect(calls).toBe(2);
    expect(errors).toHaveLength(2);
    scheduler.stop();
  });

  it.each([
    ["1", true],
    ["true", true],
    ["0", false],
    [undefined, false],
  ])("WRAPUP_SWEEP_DISABLED=%s disables the timer: %s", (value, disabled) => {
    expect(isSweepTimerDisabled({ WRAPUP_SWEEP_DISABLED: value })).toBe(disabled);
  });
});

describe("snooze note", () => {
  it("round-trips through an issue body and replaces an earlier snooze", () => {
    const until = snoozeUntil(new Date("2026-11-21T12:00:00Z"), 7);
    expect(until).toBe("2026-11-28T12:00:00.000Z");
    const once = writeSnooze("body text", "2026-11-22T00:00:00.000Z");
    const twice = writeSnooze(once, until);
    expect(readSnooze(twice)).toBe(until);
    expect(twice.match(/snooze/g)).toHaveLength(1);
    expect(writeSnooze(twice, null)).toBe("body text");
    expect(readSnooze("no snooze here")).toBeNull();
  });
});

describe("selectCandidatePaths", () => {
  const paths = ["README.md", "wrapups/2026/hack.md", "wrapups/notes.txt", "docs/x.MD", "src/a.ts"];
  it("takes every markdown file by default", () => {
    expect(selectCandidatePaths(paths, { paths: [] })).toEqual(["README.md", "wrapups/2026/hack.md", "docs/x.MD"]);
  });
  it("takes only files matching the configured globs", () => {
    expect(selectCandidatePaths(paths, { paths: ["wrapups/**/*.md"] })).toEqual(["wrapups/2026/hack.md"]);
  });
});
