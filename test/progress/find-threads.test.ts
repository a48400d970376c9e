import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { eventLabel, findThreads, type ThreadEvent } from "../../src/progress/find-threads.js";
import { titlesMatch, titleSimilarity } from "../../src/progress/match-titles.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import type { Link, Topic } from "../../src/wrapup/types.js";

const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/gardener-community-hackathon");

function link(url: string, field: Link["field"] = "code"): Link {
  const match = /github\.com\/([^/]+)\/([^/]+)\/(pull|issues)\/(\d+)/.exec(url)!;
  return { url, kind: match[3] === "pull" ? "pull" : "issue", owner: match[1], repo: match[2], number: Number(match[4]), field, line: 1 };
}

function topic(title: string, links: Link[] = [], nextSteps: string | null = "Finish it."): Topic {
  const anchor = title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return { title, heading: `## ${title}`, line: 1, anchor, fields: {}, nextSteps, links };
}

function event(path: string, date: string | null, topics: Topic[]): ThreadEvent {
  return { path, title: `Hack ${path}`, date, topics };
}

const TRACKING = "https://github.com/acme/widgets/issues/52";

describe("findThreads", () => {
  it("ties a later topic to an earlier one by a shared tracking issue, whatever the titles", () => {
    const threads = findThreads([
      event("2025-06.md", "2025-06-02", [topic("Cluster-internal L7 load balancing", [link(TRACKING, "issue")])]),
      event("2024-12.md", "2024-12-02", [topic("Load balancing for API servers", [link(TRACKING, "tracking")])]),
    ]);
    expect(threads.list).toHaveLength(1);
    expect(threads.list[0]!.reasons).toEqual(["tracking issue"]);
    expect(threads.list[0]!.topics.map((t) => t.event)).toEqual(["12/2024", "06/2025"]);
    const older = threads.of("2024-12.md", "load-balancing-for-api-servers")!;
    expect(older.from).toBeNull();
    expect(older.in?.event).toBe("06/2025");
    expect(threads.of("2025-06.md", "cluster-internal-l7-load-balancing")!.from?.event).toBe("12/2024");
  });

  it("ties topics sharing a work link, even linked as pull in one and issue-or-pull in the other", () => {
    const again: Link = { ...link("https://github.com/acme/widgets/pull/7"), kind: "issue-or-pull", url: "acme/widgets#7" };
    const threads = findThreads([
      event("a.md", "2025-01-10", [topic("Faster builds", [link("https://github.com/acme/widgets/pull/7")])]),
      event("b.md", "2025-06-10", [topic("Cache warmup", [again])]),
    ]);
    expect(threads.list.map((t) => t.reasons)).toEqual([["work link"]]);
  });

  it("never ties two topics of the same event, even with the same link", () => {
    const shared = link("https://github.com/acme/widgets/pull/7");
    const threads = findThreads([event("a.md", "2025-01-10", [topic("One thing", [shared]), topic("Other thing", [shared])])]);
    expect(threads.list).toEqual([]);
    expect(threads.of("a.md", "one-thing")).toBeNull();
  });

  it("chains three events into one thread owned by the latest topic", () => {
    const threads = findThreads([
      event("c.md", "2026-01-10", [topic("Shoot metrics exporter part 2")]),
      event("a.md", "2025-01-10", [topic("Shoot metrics exporter", [link(TRACKING, "tracking")])]),
      event("b.md", "2025-06-10", [topic("Dashboard", [link(TRACKING, "tracking")])]),
    ]);
    expect(threads.list).toHaveLength(1);
    expect(threads.list[0]!.topics.map((t) => t.path)).toEqual(["a.md", "b.md", "c.md"]);
    expect(new Set(threads.list[0]!.reasons)).toEqual(new Set(["tracking issue", "title"]));
    expect(threads.of("b.md", "dashboard")).toMatchObject({ from: { path: "a.md" }, in: { path: "c.md" } });
  });

  it("does not tie topics that have neither next steps nor links by title alone", () => {
    const threads = findThreads([
      event("a.md", "2025-01-10", [topic("Group picture of the team", [], null)]),
      event("b.md", "2025-06-10", [topic("Group picture of the team", [], null)]),
    ]);
    expect(threads.list).toEqual([]);
  });

  it("orders undated events after dated ones, by path", () => {
    const threads = findThreads([
      event("z-undated.md", null, [topic("Image thumbnails service")]),
      event("b.md", "2025-06-10", [topic("Image thumbnails service")]),
    ]);
    expect(threads.list[0]!.topics.map((t) => t.event)).toEqual(["06/2025", "Hack z-undated.md"]);
  });
});

describe("titles that match closely", () => {
  it.each([
    ["Documentation Revamp", "📜 Documentation revamp", true, 1],
    ["Documentation Revamp", "Documentation Revamp Part 2", true, 1],
    ["Version classification lifecycle in CloudProfiles", "Version Classification Lifecycle In `CloudProfile`s", true, 1],
    // 3 common of 4 words: exactly the threshold.
    ["Shoot metrics exporter service", "Shoot metrics exporter", true, 0.75],
    // 2 common of 3 words: just below it.
    ["Shoot metrics exporter", "Shoot metrics", false, 2 / 3],
    ["Load balancing for API servers", "Cluster-internal L7 load balancing", false, 2 / 7],
    ["Conclusion", "Conclusion", false, 1],
  ])("%j ~ %j → %s (similarity %d)", (a, b, match, similarity) => {
    expect(titleSimilarity(a, b)).toBeCloseTo(similarity, 5);
    expect(titlesMatch(a, b)).toBe(match);
  });
});

describe("eventLabel", () => {
  it.each([
    [{ date: "2024-12-02", title: "X", path: "x.md" }, "12/2024"],
    [{ date: "2024-12-02T09:00:00Z", title: "X", path: "x.md" }, "12/2024"],
    [{ date: null, title: "Hack Week", path: "x.md" }, "Hack Week"],
    [{ date: null, title: null, path: "x.md" }, "x.md"],
  ])("%j → %s", (input, label) => {
    expect(eventLabel(input)).toBe(label);
  });
});

describe.runIf(existsSync(corpusDir))("the real corpus", () => {
  it("continues the 12/2024 load-balancing topic in 06/2025 through their shared issue", () => {
    const events = readdirSync(corpusDir)
      .filter((name) => /^\d{4}-\d{2}_.*\.md$/.test(name))
      .map((name) => parseWrapUp(readFileSync(join(corpusDir, name), "utf8"), { path: name }))
      .map((w) => ({ path: w.path, title: w.title, date: w.date ?? `${w.path.slice(0, 7)}-01`, topics: w.topics }));
    const threads = findThreads(events);
    const shared = threads.list.find((t) => t.topics.some((x) => x.event === "12/2024") && t.topics.some((x) => x.event === "06/2025") && t.reasons.includes("tracking issue"));
    expect(shared, JSON.stringify(threads.list.map((t) => t.topics.map((x) => `${x.event} ${x.title}`)), null, 1)).toBeDefined();
  });
});
