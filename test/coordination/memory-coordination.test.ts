import { afterEach, describe, expect, it, vi } from "vitest";
import { createMemoryCoordination } from "../../src/coordination/memory-coordination.js";
import { sharedLock, useSharedLocks } from "../../src/coordination/shared-locks.js";
import { sweepIfDue } from "../../src/coordination/sweep-if-due.js";

describe("in-memory coordination (one replica, no REDIS_URL)", () => {
  afterEach(() => {
    vi.useRealTimers();
    useSharedLocks(undefined);
  });

  it.each([
    [59_999, false],
    [60_000, true],
    [60_001, true],
  ])("a /refresh cooldown of 60 s, asked again after %i ms: claimed %s", async (after, claimed) => {
    vi.useFakeTimers({ now: Date.parse("2026-11-21T12:00:00Z") });
    const state = { lastRefresh: new Map<string, number>(), lastSweep: new Map<string, number>() };
    const coordination = createMemoryCoordination(state);
    expect(await coordination.claimCooldown("acme/x#1", 60_000)).toEqual({ claimed: true });
    vi.advanceTimersByTime(after);
    const again = await coordination.claimCooldown("acme/x#1", 60_000);
    expect(again.claimed).toBe(claimed);
    if (!again.claimed) expect(again.retryInMs).toBe(1);
    // Kept in the caller's map, as the handlers always did.
    expect(state.lastRefresh.get("acme/x#1")).toBe(Date.parse("2026-11-21T12:00:00Z") + (claimed ? after : 0));
  });

  it("gives a sweep lease to one caller at a time and records sweeps in the caller's map", async () => {
    const state = { lastRefresh: new Map<string, number>(), lastSweep: new Map<string, number>() };
    const coordination = createMemoryCoordination(state);
    const held = await coordination.tryLease("sweep:acme/x");
    expect(await coordination.tryLease("sweep:acme/x")).toBeNull();
    const turn = await sweepIfDue(coordination, "acme/x", { now: () => 5, isDue: async () => true, sweep: async () => "ran" });
    expect(turn).toEqual({ turn: "elsewhere" });
    await held!.release();
    expect(await sweepIfDue(coordination, "acme/x", { now: () => 5, isDue: async () => true, sweep: async () => "ran" })).toEqual({ turn: "swept", result: "ran" });
    expect(state.lastSweep.get("acme/x")).toBe(5);
  });

  it("records nothing when the sweep fails, so the repository stays due", async () => {
    const state = { lastRefresh: new Map<string, number>(), lastSweep: new Map<string, number>() };
    const coordination = createMemoryCoordination(state);
    const failing = sweepIfDue(coordination, "acme/x", { now: () => 5, isDue: async () => true, sweep: async () => Promise.reject(new Error("boom")) });
    await expect(failing).rejects.toThrow("boom");
    expect(state.lastSweep.size).toBe(0);
    expect(await coordination.tryLease("sweep:acme/x")).not.toBeNull();
  });

  it("routes the shared locks to the coordination the app chose, and back", async () => {
    const used: string[] = [];
    const inProcess = sharedLock("thread");
    useSharedLocks((name) => (key, task) => {
      used.push(`${name} ${key}`);
      return inProcess(key, task);
    });
    expect(await sharedLock("repository")("acme/x", async (lease) => lease.key)).toBe("acme/x");
    expect(used).toEqual(["repository acme/x"]);
    useSharedLocks(undefined);
    expect(sharedLock("thread")).toBe(inProcess);
  });
});
