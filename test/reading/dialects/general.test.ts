import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { judgeTopic } from "../../../src/progress/judge-topic.js";
import { isWorkItem, linkKey } from "../../../src/wrapup/link-key.js";
import { parseWrapUp } from "../../../src/wrapup/parse-wrapup.js";
import type { WrapUp } from "../../../src/wrapup/types.js";
import { daysAgo, NOW, pull } from "../../progress/build-states.js";

const reports = join(dirname(fileURLToPath(import.meta.url)), "../../fixtures/event-reports/reports");
const read = (path: string): WrapUp => parseWrapUp(readFileSync(join(reports, path), "utf8"), { path });

describe("the general reader, one fixture per shape", () => {
  it.each([
    // shape, file, topic titles, topics with next steps, work links in all
    ["sprint report (--- separators, Contributors lines)", "sprint/2026-orbit-sprint-report.md", ["orbit-core", "orbit-plugins", "Documentation", "Misc"], 4, 9],
    ["flat outcome list", "hack-days-2026-outcomes.md", ["Search team", "Sync team", "Accessibility", "Packaging", "Docs"], 2, 6],
    ["Hugo summit post", "content/posts/2026-03-dev-summit/index.md", ["Plugin API v2", "Faster test suite", "Translations workflow"], 2, 5],
    ["Jekyll hack-week post", "_posts/2026-05-20-hack-week-report.md", ["Project: map tiles cache", "Project: dark mode", "Project: GPX import"], 2, 4],
    ["session minutes per room", "events/unconf-2026/session-notes.md", ["Room A: Packaging", "Room B: Type checking", "Room C: Governance"], 2, 4],
    ["report paper", "papers/biohackathon-2026-project-12.md", ["Task 1: Mapping the core fields", "Task 2: Validator service", "Task 3: Community survey"], 2, 5],
    ["German hack-days post", "blog/de/2026-04-hacktage-rueckblick.md", ["Projekt: Schnellere Matrixmultiplikation", "Projekt: Dokumentation auf Deutsch", "Projekt: Benchmarks in der CI"], 2, 4],
    ["table of outcomes", "cofest/cofest-2026-results.md", ["Tool wrappers", "Workflow tests", "Training material"], 1, 3],
  ])("%s: topics, next steps and every work link", (_shape, path, titles, withNextSteps, workLinks) => {
    const wrapUp = read(path);
    expect(wrapUp.kind).toBe("wrap-up");
    expect(wrapUp.topics.map((t) => t.title)).toEqual(titles);
    expect(wrapUp.topics.filter((t) => t.nextSteps !== null)).toHaveLength(withNextSteps);
    expect(wrapUp.topics.flatMap((t) => t.links).filter(isWorkItem)).toHaveLength(workLinks);
    // Anchors are keys of follow-ups: unique within the page.
    expect(new Set(wrapUp.topics.map((t) => t.anchor)).size).toBe(titles.length);
  });

  it("reads people from Contributors lines and @handles", () => {
    const [core, plugins] = read("sprint/2026-orbit-sprint-report.md").topics;
    expect(core?.people).toEqual(["@ana-lindqvist", "@tomasz-b", "@kei"]);
    expect(plugins?.people).toEqual(["@mira-s", "@jdoe"]);
    expect(read("hack-days-2026-outcomes.md").topics[0]?.people).toEqual(["@pia", "@noor"]);
  });

  it("takes next steps from words that say linked work is unfinished (WIP, preparing, draft, continue)", () => {
    const steps = read("sprint/2026-orbit-sprint-report.md").topics.map((t) => t.nextSteps ?? "");
    expect(steps[0]).toMatch(/WIP fix for the flaky timeout test/);
    expect(steps[0]).not.toMatch(/Reworked the scheduler/);
    expect(steps[1]).toMatch(/preparing PRs for merging/);
    expect(steps[2]).toMatch(/draft at/);
    expect(steps[3]).toMatch(/continue the type-hints work/);
  });

  it("gives event-wide next steps (What's next, Future work, Nächste Schritte) to the topics they name", () => {
    const summit = read("content/posts/2026-03-dev-summit/index.md").topics;
    expect(summit[0]?.nextSteps).toMatch(/finish the loader/);
    expect(summit[2]?.nextSteps).toMatch(/retire the old scripts/);
    expect(summit[1]?.nextSteps).toBeNull();
    const paper = read("papers/biohackathon-2026-project-12.md").topics;
    expect(paper[1]?.nextSteps).toMatch(/Finish the validator/);
    expect(read("blog/de/2026-04-hacktage-rueckblick.md").topics[2]?.nextSteps).toMatch(/Benchmarks in die CI/);
  });

  it("reads decisions and findings of session minutes as outcomes, and their to-do lists as next steps", () => {
    const [roomA] = read("events/unconf-2026/session-notes.md").topics;
    expect(roomA?.fields.outcome).toMatch(/Drop the legacy setup.py path/);
    expect(roomA?.nextSteps).toMatch(/deprecation notice/);
  });

  it("takes the projects under days or tracks as the topics, not the days", () => {
    const days = [
      "# Hack Week 2026 report", "We merged a lot.",
      "## Day 1", "### Tiles", "merged https://github.com/a/b/pull/1", "### Dark mode", "fixed https://github.com/a/b/pull/2",
      "## Day 2", "### GPX", "WIP https://github.com/a/b/pull/3", "### Search", "added https://github.com/a/b/pull/4",
    ].join("\n\n");
    const wrapUp = parseWrapUp(days, { path: "hack-week.md" });
    expect(wrapUp.kind).toBe("wrap-up");
    expect(wrapUp.topics.map((t) => t.title)).toEqual(["Tiles", "Dark mode", "GPX", "Search"]);
    expect(wrapUp.topics.map((t) => t.nextSteps !== null)).toEqual([false, false, true, false]);
  });

  it("keeps branch links of fork branches (/tree/<branch>)", () => {
    const links = read("content/posts/2026-03-dev-summit/index.md").topics[0]?.links ?? [];
    expect(links.find((l) => l.kind === "branch")?.branch).toBe("plugin-api-v2");
  });
});

describe("a topic with open work links and no stated next steps is tracked", () => {
  const faster = read("content/posts/2026-03-dev-summit/index.md").topics[1]!;
  const link = faster.links.find(isWorkItem)!;
  const options = { now: NOW, staleAfterDays: 30, graceDays: 14 };

  it("stalled while its PR waits untouched", () => {
    expect(faster.nextSteps).toBeNull();
    const states = new Map([[linkKey(link)!, pull({ number: link.number!, lastHumanActivityAt: daysAgo(60) })]]);
    expect(judgeTopic(faster, states, options).verdict).toBe("stalled");
  });

  it("done once its PR is merged", () => {
    const states = new Map([[linkKey(link)!, pull({ number: link.number!, state: "MERGED", mergedAt: daysAgo(3) })]]);
    expect(judgeTopic(faster, states, options).verdict).toBe("done");
  });
});
