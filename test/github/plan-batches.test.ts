import { describe, expect, it } from "vitest";
import { collectTargets } from "../../src/github/link-targets.js";
import { estimatePoints, planBatches, splitBatch } from "../../src/github/plan-batches.js";
import { branchLink, commitLink, pullLink } from "../fixtures/graphql/links.js";

const pulls = (n: number) => collectTargets(Array.from({ length: n }, (_, i) => pullLink(i + 1)));

describe("planBatches", () => {
  it.each([
    [1, [1]],
    [99, [99]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])("packs %i plain links into ⌈N/100⌉ queries", (n, sizes) => {
    expect(planBatches(pulls(n)).map((b) => b.length)).toEqual(sizes);
  });

  it("lets heavy ambiguous branches shrink a batch, never below 50 targets (≤ ⌈N/50⌉ queries)", () => {
    const candidates = [1, 2, 3, 4, 5].map((k) => ({ branch: `a${"/b".repeat(k)}`, path: "" }));
    const links = Array.from({ length: 300 }, (_, i) => branchLink(`a/b/b/b/b/b-${i}`, "acme", "rocket", { branchCandidates: candidates.map((c) => ({ ...c, branch: `${c.branch}-${i}` })) }));
    const batches = planBatches(collectTargets(links));
    expect(batches.every((b) => b.length >= 50)).toBe(true);
    expect(batches.length).toBeGreaterThan(3);
    expect(batches.length).toBeLessThanOrEqual(Math.ceil(300 / 50));
  });

  it("keeps link order and loses nothing", () => {
    const targets = pulls(230);
    expect(planBatches(targets).flat()).toEqual(targets);
  });
});

describe("estimatePoints", () => {
  it("charges 1 point for lookups without connections, whatever their number", () => {
    const commits = collectTargets(Array.from({ length: 100 }, (_, i) => commitLink(i.toString(16).padStart(40, "0"))));
    expect(estimatePoints(commits)).toBe(1);
  });

  it("counts each pull's three connections", () => {
    expect(estimatePoints(pulls(100))).toBe(3);
  });
});

describe("splitBatch", () => {
  it.each([
    [[1], [[1], []]],
    [[1, 2, 3], [[1, 2], [3]]],
    [[1, 2, 3, 4], [[1, 2], [3, 4]]],
  ])("splits %j in halves", (batch, halves) => {
    expect(splitBatch(batch)).toEqual(halves);
  });
});
