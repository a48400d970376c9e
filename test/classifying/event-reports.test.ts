import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scanDirectory } from "../../src/cli/scan-command.js";
import { readWrapUps } from "../../src/pipeline/read-wrapups.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/event-reports");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** One report per shape; the blog copy of the sprint report is its retelling. */
const REPORTS: Record<string, "wrap-up" | "retelling"> = {
  "sprint/2026-orbit-sprint-report.md": "wrap-up",
  "sprint/blog/2026-06-orbit-sprint-report.md": "retelling",
  "hack-days-2026-outcomes.md": "wrap-up",
  "content/posts/2026-03-dev-summit/index.md": "wrap-up",
  "_posts/2026-05-20-hack-week-report.md": "wrap-up",
  "events/unconf-2026/session-notes.md": "wrap-up",
  "papers/biohackathon-2026-project-12.md": "wrap-up",
  "blog/de/2026-04-hacktage-rueckblick.md": "wrap-up",
  "cofest/cofest-2026-results.md": "wrap-up",
};

describe("event reports of other communities, by scan", () => {
  it("lists every report in the fixtures (the blog copy as the report's retelling), and nothing else", async () => {
    const result = await scanDirectory(join(fixtures, "reports"));
    const found = Object.fromEntries(result.wrapUps.map((w) => [w.path, w.kind]));
    expect(found).toEqual(REPORTS);
    expect(result.wrapUps.find((w) => w.kind === "retelling")?.retells).toEqual(
      expect.arrayContaining(["sprint/2026-orbit-sprint-report.md#orbit-core"]),
    );
  });

  it("takes none of the other pages: invitations, calls, RFCs, KEPs, minutes, release notes, guides, newsletters, agile sprints", async () => {
    const result = await scanDirectory(join(fixtures, "others"));
    expect(result.wrapUps).toEqual([]);
    expect(result.files).toBe(listFiles(join(fixtures, "others")).length);
  });

  it("precision and recall on the fixtures are both 1", async () => {
    const [reports, others] = await Promise.all([scanDirectory(join(fixtures, "reports")), scanDirectory(join(fixtures, "others"))]);
    const truePositives = reports.wrapUps.filter((w) => REPORTS[w.path] === w.kind).length;
    const falsePositives = others.wrapUps.length + reports.wrapUps.filter((w) => REPORTS[w.path] !== w.kind).length;
    expect(truePositives / (truePositives + falsePositives)).toBe(1);
    expect(truePositives / Object.keys(REPORTS).length).toBe(1);
  });

  it.each(listFiles(join(fixtures, "others")).map((f) => [relative(join(fixtures, "others"), f), f]))(
    "%s: no wrap-up, no retelling",
    (path, file) => {
      expect(parseWrapUp(readFileSync(file, "utf8"), { path }).kind).toBe("not-a-wrap-up");
    },
  );
});

describe("blog copies of a report", () => {
  it.each(["_posts/2026-06-01-orbit-sprint-report.md", "content/posts/2026-orbit-sprint/index.md", "blog/orbit-sprint.md"])(
    "a copy at %s (Jekyll, Hugo, a blog folder) is the report's retelling, not a second report",
    async (copyPath) => {
      const report = readFileSync(join(fixtures, "reports/sprint/2026-orbit-sprint-report.md"), "utf8");
      const files: Record<string, string> = { "sprint/2026-orbit-sprint-report.md": report, [copyPath]: report };
      const fetchTexts = async (paths: string[]) => ({ files: paths.map((path) => ({ path, text: files[path]! })), skipped: [], graphqlRequests: 1 });
      const read = await readWrapUps(Object.keys(files).map((path) => ({ path })), fetchTexts, { everyFile: false });
      expect(read.wrapUps.map((w) => [w.path, w.kind])).toEqual([
        ["sprint/2026-orbit-sprint-report.md", "wrap-up"],
        [copyPath, "retelling"],
      ]);
    },
  );
});

describe("announcements", () => {
  it.each([
    ["the title invites", "_posts/2026-04-01-hack-week-is-coming.md", /the title says "is coming"/],
    ["a call for topics", "content/posts/2026-hackweek-coming/index.md", /call for topics/],
    ["posted before the event's last day", "blog/2026-05-01-hackathon-before.md", /posted 2026-05-01, before the event's last day 2026-05-16/],
    ["German: jetzt anmelden", "blog/hacktage-2026-anmeldung.md", /jetzt anmelden/i],
    ["save the date", "blog/2026-all-hands-save-the-date.md", /save the date/i],
  ])("%s: neither a wrap-up nor a retelling, and the reason says so", (_name, path, reason) => {
    const wrapUp = parseWrapUp(readFileSync(join(fixtures, "others", path), "utf8"), { path });
    expect(wrapUp.kind).toBe("not-a-wrap-up");
    expect(wrapUp.why).toMatch(/an announcement/);
    expect(wrapUp.why).toMatch(reason);
  });

  it("the same post dated after its event is the event's report", () => {
    const text = readFileSync(join(fixtures, "others/blog/2026-05-01-hackathon-before.md"), "utf8")
      .replace("date: 2026-05-01", "date: 2026-05-20")
      .replace("These teams have formed already", "The teams merged and fixed a lot");
    const wrapUp = parseWrapUp(text, { path: "blog/2026-05-20-hackathon.md" });
    expect(wrapUp.kind).toBe("wrap-up");
    expect(wrapUp.topics.map((t) => t.title)).toEqual(["Team search", "Team sync", "Team docs"]);
  });
});

describe("blog posts that only mention an event", () => {
  it.each([
    ["a post tagged hackathon about something else", "blog/2026-ci-speedups.md", /only the path or a tag names an event/],
    ["a newsletter's hack week edition", "news/this-month-hack-week-edition.md", /the title says "This month in"/],
  ])("%s is no retelling", (_name, path, reason) => {
    const wrapUp = parseWrapUp(readFileSync(join(fixtures, "others", path), "utf8"), { path });
    expect(wrapUp.kind).toBe("not-a-wrap-up");
    expect(wrapUp.why).toMatch(reason);
  });

  it("a post whose title names the event and calls itself a recap stays a retelling when it holds no report", () => {
    const recap = "---\ntitle: Hack Week 2026 recap\n---\n\nWhat a week! Thanks to everyone who came; photos below.\n";
    expect(parseWrapUp(recap, { path: "blog/posts/hack-week-recap.md" }).kind).toBe("retelling");
  });
});

describe("folder names are hints, never verdicts", () => {
  const report = readFileSync(join(fixtures, "reports/sprint/2026-orbit-sprint-report.md"), "utf8");

  it("a report in a reviews/ folder is still a report", () => {
    expect(parseWrapUp(report, { path: "community/reviews/2026-orbit-sprint-report.md" }).kind).toBe("wrap-up");
  });

  it("a page named an event by its folder alone must call itself a report", () => {
    const project = "# Tile cache\n\n## Cache\n\nAdded and merged: https://github.com/a/b/pull/1\n\n## Eviction\n\nFixed: https://github.com/a/b/pull/2\n";
    expect(parseWrapUp(project, { path: "hackweek-2026/tile-cache/README.md" }).kind).toBe("not-a-wrap-up");
    const recap = project.replace("# Tile cache", "# Tile cache: results");
    expect(parseWrapUp(recap, { path: "hackweek-2026/tile-cache/README.md" }).kind).toBe("wrap-up");
  });
});
