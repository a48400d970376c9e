import { describe, expect, it, vi } from "vitest";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { checkWrapUps } from "../../src/pipeline/check-wrapups.js";
import type { Link } from "../../src/wrapup/types.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import type { LinkState, ResolvedStates } from "../../src/github/types.js";
import { renderStatusComment } from "../../src/render/render-status-comment.js";
import { NOW, daysAgo, pull, branch } from "../progress/build-states.js";
import { expectSafe, expectWholeTables } from "../render/expect-safe.js";

const stats = { graphqlRequests: 1, points: 1, restRequests: 0, cacheHits: 0, ms: 5 };

const FIRST = `# Hack Week 03/2026 Wrap Up

## Faster Builds

**Problem Statement:** Builds are slow.

**Next Steps:** Roll the cache out to CI.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/101, https://github.com/acme/widgets/tree/cache-layer

## Old Importer

**Problem Statement:** Nobody owns it.

**Next Steps:** N/A

**Code/Pull Requests:** https://github.com/acme/widgets/pull/120

## Docs Site

**Problem Statement:** Nobody finds the docs.

**Next Steps:** Publish the site.
`;

const SECOND = `# Hack Week 09/2026 Wrap Up

## Faster Builds, part two

**Next Steps:** Measure again.

**Code/Pull Requests:** https://github.com/ACME/widgets/pull/101
`;

const world = new Map<string, LinkState>([
  ["pull:acme/widgets#101", pull({ owner: "acme", repo: "widgets", number: 101, lastHumanActivityAt: daysAgo(60) })],
  ["branch:acme/widgets@cache-layer", branch({ owner: "acme", repo: "widgets", branch: "cache-layer", lastCommit: { oid: "a", committedDate: daysAgo(70) } })],
  ["pull:acme/widgets#120", pull({ owner: "acme", repo: "widgets", number: 120, state: "MERGED", mergedAt: daysAgo(10) })],
]);

function fakeResolve() {
  return vi.fn(async (links: Link[]) => {
    const states: ResolvedStates = new Map();
    for (const link of links) {
      const key = linkKey(link)!;
      states.set(key, world.get(key) ?? { type: "pull", status: "missing", message: "not in this world" });
    }
    return { states, stats };
  });
}

const config = { staleAfterDays: 30, graceDays: 14 };

describe("checkWrapUps", () => {
  it("parses, resolves all files' links in one call, and judges each file", async () => {
    const resolve = fakeResolve();
    const result = await checkWrapUps([{ path: "a.md", text: FIRST }, { path: "b.md", text: SECOND }], { now: NOW, config, resolve });
    expect(resolve).toHaveBeenCalledTimes(1);
    // The PR linked from both files is asked for once.
    expect(resolve.mock.calls[0]![0].map((l) => linkKey(l))).toEqual(["pull:acme/widgets#101", "branch:acme/widgets@cache-layer", "pull:acme/widgets#120"]);
    expect(result.stats).toEqual(stats);
    const [first, second] = result.reports;
    expect(first!.topics.map((t) => [t.topic.title, t.judgement.verdict])).toEqual([
      ["Faster Builds", "stalled"],
      ["Old Importer", "done"],
      ["Docs Site", "untracked"],
    ]);
    expect(first!.topics[0]!.judgement.reason).toBe("PR acme/widgets#101 open, no activity for 60 days");
    expect(first!.counts).toEqual({ done: 1, active: 0, stalled: 1, untracked: 1, unchecked: 0, unplanned: 0 });
    expect(first!.findings.map((f) => f.kind)).toContain("no-links");
    expect(second!.topics[0]!.judgement.verdict).toBe("stalled");
  });

  it("holds back `stalled` during the grace period given per file", async () => {
    // A title without a date: the event date comes from the caller (the file's first commit).
    const text = FIRST.replace("# Hack Week 03/2026 Wrap Up", "# Hack Week Wrap Up");
    const result = await checkWrapUps([{ path: "a.md", text }], {
      now: NOW, config, resolve: fakeResolve(), eventDates: { "a.md": daysAgo(5) },
    });
    expect(result.reports[0]!.topics[0]!.judgement).toMatchObject({ verdict: "active", inGrace: true });
  });

  it("reports an empty file without calling GitHub for nothing", async () => {
    const resolve = fakeResolve();
    const result = await checkWrapUps([{ path: "empty.md", text: "" }], { now: NOW, config, resolve });
    expect(result.reports[0]!.topics).toEqual([]);
    expect(resolve.mock.calls[0]![0]).toEqual([]);
  });
});

const corpus = fileURLToPath(new URL("../../../shared/corpus/gardener-community-hackathon", import.meta.url));

describe.runIf(existsSync(corpus))("real wrap-ups (shared corpus)", () => {
  it("judges and renders every event safely, within the size limit", async () => {
    const files = readdirSync(corpus).filter((f) => f.endsWith(".md") && f !== "index.md").map((f) => ({ path: f, text: readFileSync(join(corpus, f), "utf8") }));
    // Every link "not found": the renderers still get real titles, branch names and next steps.
    const result = await checkWrapUps(files, { now: NOW, config, resolve: fakeResolve() });
    expect(result.reports.reduce((n, r) => n + r.topics.length, 0)).toBeGreaterThan(50);
    for (const report of result.reports) {
      const body = renderStatusComment([report], { now: NOW, repo: "gardener-community/hackathon", ref: "main" });
      expectSafe(body);
      expect(expectWholeTables(body)).toBe(report.topics.length);
    }
  });
});
