import { afterEach, describe, expect, it, vi } from "vitest";
import { startSweepScheduler } from "../../src/sweep/sweep-scheduler.js";

describe("startSweepScheduler: stopping", () => {
  afterEach(() => vi.useRealTimers());

  it("idle() waits for the sweep in flight, and a stopped timer starts no other", async () => {
    vi.useFakeTimers();
    let finish!: () => void;
    let started = 0;
    const scheduler = startSweepScheduler(
      () => {
        started += 1;
        return new Promise<void>((resolve) => (finish = resolve));
      },
      { everyHours: 1, firstDelayMs: 10, random: () => 0 },
    );
    let idleBefore = false;
    void scheduler.idle().then(() => (idleBefore = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(idleBefore).toBe(true);
    await vi.advanceTimersByTimeAsync(10);
    expect(started).toBe(1);
    scheduler.stop();
    let idle = false;
    void scheduler.idle().then(() => (idle = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(false);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(idle).toBe(true);
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(started).toBe(1);
  });
});
