import { describe, expect, it } from "vitest";
import { createWaitLimit } from "../../src/github/wait-limit.js";
import { createWritePacer, writePacerOptionsFromEnv, type WriteKind } from "../../src/writes/write-pacer.js";

/** A pacer on a clock that only moves when the pacer sleeps: every start time is exact. */
function pacedClock(options: Parameters<typeof createWritePacer>[0] = {}) {
  let now = 0;
  const starts: number[] = [];
  const pacer = createWritePacer({ ...options, now: () => now, sleep: async (ms) => void (now += ms) });
  const write = async (kind: WriteKind, scope = "31") => {
    await pacer.take(scope, kind);
    starts.push(now);
  };
  return { pacer, starts, write, advance: (ms: number) => void (now += ms), at: () => now };
}

describe("createWritePacer", () => {
  it("starts the writes of one installation at least 1 s apart, in call order", async () => {
    const { starts, write } = pacedClock();
    await Promise.all([write("edit"), write("content"), write("edit")]);
    expect(starts).toEqual([0, 1_000, 2_000]);
  });

  it("paces installations apart: one waiting holds up no other", async () => {
    const { starts, write } = pacedClock();
    await write("edit", "31");
    await write("edit", "32");
    expect(starts).toEqual([0, 0]);
  });

  it.each([
    [78, 0, 0],
    [79, 0, 60_000],
    [80, 60_000, 60_000],
  ])("content creation stays below 80 a minute: %i creations end at %i ms, the next may start at %i ms", async (count, lastStart, next) => {
    const { write, at, pacer } = pacedClock({ spacingMs: 0 });
    for (let i = 0; i < count; i++) await write("content");
    expect(at()).toBe(lastStart);
    expect(pacer.nextSlot("31", "content")).toBe(next);
  });

  it("never lets 80 creations into any 60 s, while edits go on", async () => {
    const { starts, write, pacer } = pacedClock({ spacingMs: 100 });
    for (let i = 0; i < 200; i++) await write("content");
    for (let i = 0; i < starts.length; i++) {
      const inWindow = starts.filter((t) => t > starts[i]! - 60_000 && t <= starts[i]!).length;
      expect(inWindow).toBeLessThan(80);
    }
    expect(pacer.nextSlot("31", "edit")).toBe(starts.at(-1)! + 100);
  });

  it.each([
    [498, false],
    [499, true],
  ])("content creation stays below 500 an hour: after %i creations, the next waits for the hour: %s", async (count, waits) => {
    const { write, at, pacer } = pacedClock({ spacingMs: 0, contentPerMinute: 10_000 });
    for (let i = 0; i < count; i++) await write("content");
    expect(at()).toBe(0);
    expect(pacer.nextSlot("31", "content") >= 3_600_000).toBe(waits);
  });

  it("reads WRAPUP_WRITE_SPACING_MS (tests and demos run without the 1 s)", () => {
    expect(writePacerOptionsFromEnv({ WRAPUP_WRITE_SPACING_MS: "0" })).toEqual({ spacingMs: 0 });
    expect(writePacerOptionsFromEnv({ WRAPUP_WRITE_SPACING_MS: "soon" })).toEqual({});
    expect(writePacerOptionsFromEnv({})).toEqual({});
  });
});

describe("createWaitLimit", () => {
  it("allows waits up to the limit, all together; overlapping waits count once", () => {
    let now = 0;
    const limit = createWaitLimit(60_000, () => now);
    expect(limit.allow({ limit: "GraphQL rate limit", until: 40_000 })).toBe(true);
    // Three requests waiting for the same reset are one wait.
    expect(limit.allow({ limit: "GraphQL rate limit", until: 40_000 })).toBe(true);
    now = 40_000;
    expect(limit.allow({ limit: "secondary rate limit", until: 60_000 })).toBe(true);
    expect(limit.refused).toBeNull();
    expect(limit.allow({ limit: "REST rate limit", until: 61_000 })).toBe(false);
    expect(limit.refused).toEqual({ limit: "REST rate limit", until: 61_000 });
  });
});
