/**
 * The parse pool's memory limit: a parse that needs more heap than a worker may have ends that
 * worker, never the app, and the file is reported as too large/complex to read. A fresh module per
 * test: the pool keeps the limits it was started with.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => vi.resetModules());

async function freshPool() {
  vi.resetModules();
  return await import("../../src/pipeline/parse-pool.js");
}

describe("parseInPool", () => {
  it("a parse past the worker's memory limit is reported as unreadable, and the app goes on", async () => {
    const { parseInPool } = await freshPool();
    // Many link references in one paragraph: the tree and its definitions need far more than 16 MB.
    const text = `# Hack Days\n\n${Array.from({ length: 40_000 }, (_, i) => `[topic ${i}](https://github.com/acme/repo/pull/${i})`).join(" ")}\n`;
    const wrapUp = await parseInPool({ path: "huge.md", text }, { deadlineMs: 60_000, memoryMb: 16, maxLength: 10_000_000 });
    expect(wrapUp.kind).toBe("not-a-wrap-up");
    expect(wrapUp.unreadable).toMatch(/^too large\/complex to read: parsing needed more than 16 MB of memory and was stopped$/);
    expect(process.memoryUsage().rss).toBeGreaterThan(0);
  }, 90_000);

  it("a file over the size limit is not read at all, and says so", async () => {
    const { parseInPool } = await freshPool();
    const wrapUp = await parseInPool({ path: "big.md", text: "a".repeat(1_000_001) }, { deadlineMs: 2_000, memoryMb: 192, maxLength: 1_000_000 });
    expect(wrapUp.unreadable).toBe("too large/complex to read: 1.0 MB, over the 1.0 MB limit (files that large are not read)");
  });
});
