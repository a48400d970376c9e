import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { hostileFiles } from "../../dev/hostile-files.js";
import { describe, expect, it } from "vitest";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import type { DocumentKind, WrapUp } from "../../src/wrapup/types.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");
const corpusDir = join(fixtures, "../../../shared/corpus");

function read(dir: string, path: string): WrapUp {
  return parseWrapUp(readFileSync(join(dir, path), "utf8"), { path });
}

/**
 * Our docs-site fixture: the kinds of pages a documentation repository holds, each written to be
 * a trap (fields, PR links, "Next Steps", event names) where a real one could be.
 */
const DOCS_SITE: Array<[path: string, kind: DocumentKind, why: RegExp]> = [
  ["website/community/hackathons/2024-05.md", "wrap-up", /^wrap-up: 4 topics, 4 with wrap-up fields \(problem statement, motivation, achievements, next steps, code\)$/],
  ["website/community/hackathons/2026-05.md", "wrap-up", /^wrap-up: 4 topics, 3 with wrap-up fields/],
  ["website/community/hackathons/2021-11.md", "wrap-up", /^wrap-up: title "Hack The Widgets 11\/2021 Wrap Up" names an event wrap-up; 3 topics written as prose/],
  ["website/community/hackathons/2022-09.md", "wrap-up", /names an event wrap-up/],
  ["website/blog/2024/06/hack-the-widgets-recap.md", "retelling", /^retelling: a blog post about "Hack The Widgets 05\/2024.*"; 3 of its 3 sections link to the wrap-up's headings$/],
  ["website/blog/2020/10/gardener-v1-8-0-released.md", "not-a-wrap-up", /^not a wrap-up: reads like release notes: title "Widgetry v1\.8\.0 Released"; 4 sections, none with wrap-up fields$/],
  ["CHANGELOG.md", "not-a-wrap-up", /reads like release notes: title "Changelog"/],
  ["website/community/review-meetings/2024-05-27-hack-the-garden-review.md", "not-a-wrap-up", /reads like meeting notes: title "Review Meeting: Hack The Garden 05\/2024"; 3 sections, 3 with wrap-up fields/],
  ["website/community/review-meetings/2025-02-03.md", "not-a-wrap-up", /reads like meeting notes/],
  ["website/docs/api-reference/core.md", "not-a-wrap-up", /reads like an API reference/],
  ["website/docs/faq/general.md", "not-a-wrap-up", /reads like an FAQ/],
  ["website/community/hackathons/_index.md", "not-a-wrap-up", /an index of events: links to the pages of 4 events/],
  ["website/community/hackathons/wrap-up-template.md", "not-a-wrap-up", /reads like a template/],
  ["README.md", "not-a-wrap-up", /^not a wrap-up: 2 sections, none with wrap-up fields; title "Widgetry Documentation"$/],
  ["website/blog/2024/02/kubecon-talk.md", "not-a-wrap-up", /none with wrap-up fields/],
  ["website/docs/concepts/architecture.md", "not-a-wrap-up", /^not a wrap-up: 3 sections, none with wrap-up fields; title "Architecture"$/],
  ["website/docs/getting-started/install.md", "not-a-wrap-up", /none with wrap-up fields/],
  ["website/docs/operations/deprecations.md", "not-a-wrap-up", /none with wrap-up fields/],
  ["website/docs/operations/troubleshooting.md", "not-a-wrap-up", /none with wrap-up fields/],
  ["website/docs/proposals/42-widget-autoscaling.md", "not-a-wrap-up", /none with wrap-up fields/],
  [".github/ISSUE_TEMPLATE/hackathon-topic.md", "not-a-wrap-up", /reads like an issue or pull request template/],
  [".github/pull_request_template.md", "not-a-wrap-up", /reads like an issue or pull request template/],
];

describe("classifyWrapUp on a documentation site", () => {
  it.each(DOCS_SITE)("%s is a %s", (path, kind, why) => {
    const wrapUp = read(join(fixtures, "docs-site"), path);
    expect(wrapUp.kind).toBe(kind);
    expect(wrapUp.why).toMatch(why);
  });

  it("covers every file of the fixture (a new page must get an expectation)", () => {
    const listed = new Set(DOCS_SITE.map(([path]) => path));
    expect(listFiles(join(fixtures, "docs-site")).filter((p) => !listed.has(p))).toEqual([]);
  });

  it("points a retelling's sections to the wrap-up headings they retell", () => {
    const recap = read(join(fixtures, "docs-site"), "website/blog/2024/06/hack-the-widgets-recap.md");
    expect(recap.topics.map((t) => t.sameAs?.map((s) => s.anchor))).toEqual([
      ["-faster-widget-start-up"],
      ["-ipv6-on-every-provider"],
      ["-smaller-images", "-fewer-restarts"],
    ]);
    const wrapUp = read(join(fixtures, "docs-site"), "website/community/hackathons/2024-05.md");
    const anchors = wrapUp.topics.map((t) => t.anchor);
    for (const sameAs of recap.topics.flatMap((t) => t.sameAs ?? [])) expect(anchors).toContain(sameAs.anchor);
    // Wrap-ups and pages that are not retellings carry no sameAs.
    expect(wrapUp.topics.every((t) => t.sameAs === undefined)).toBe(true);
  });
});

describe("a wrap-up repository before and after its content moved", () => {
  const before = join(fixtures, "hackathon-repo/before");
  const after = join(fixtures, "hackathon-repo/after");

  it("reads the event files as wrap-ups before", () => {
    expect(read(before, "2024-05_Barn/README.md").kind).toBe("wrap-up");
    expect(read(before, "2021-11_Hut/README.md").kind).toBe("wrap-up");
  });

  it("reads the stubs after as stubs, whatever their title says", () => {
    for (const path of ["2024-05_Barn/README.md", "2021-11_Hut/README.md"]) {
      const stub = read(after, path);
      expect(stub.title).toMatch(/Wrap Up$/);
      expect(stub.kind).toBe("not-a-wrap-up");
      expect(stub.why).toMatch(/^not a wrap-up: reads like a stub: its content moved to https:\/\/widgetry\.dev\/community\/hackathons\/20\d\d-\d\d\//);
    }
  });

  it("never reads the top-level README listing the events as one, before or after", () => {
    expect(read(before, "README.md").why).toMatch(/^not a wrap-up: an index of events: links to the pages of 3 events/);
    expect(read(after, "README.md").kind).toBe("not-a-wrap-up");
  });
});

/** Pages no fixture file holds: each a small trap of its own. */
const SMALL_CASES: Array<[name: string, path: string, text: string, kind: DocumentKind, why: RegExp]> = [
  [
    "a status list that names no event (a roadmap)",
    "docs/roadmap.md",
    "# Roadmap\n\n- ✅ Autoscaling https://github.com/a/b/pull/1\n- 🚧 IPv6 https://github.com/a/b/pull/2\n- 🙅 Windows nodes\n",
    "not-a-wrap-up",
    /^not a wrap-up: a status list \(1 ✅ done, 1 🚧 in progress, 1 🙅 not started\) that names no event and holds no votes$/,
  ],
  [
    "a changelog named by version headings",
    "docs/widgets.md",
    "# History\n\n## v1.2.0\n\n- fix https://github.com/a/b/pull/3\n\n## v1.1.0\n\n- feat https://github.com/a/b/pull/2\n",
    "not-a-wrap-up",
    /reads like a changelog: 2 sections named by version/,
  ],
  [
    "an FAQ told by its question headings",
    "docs/help.md",
    "# Help\n\n## Why?\n\nBecause.\n\n## How?\n\nSo.\n\n## When?\n\nNow https://github.com/a/b/issues/1.\n",
    "not-a-wrap-up",
    /reads like an FAQ: 3 of 3 headings are questions/,
  ],
  [
    "an empty wrap-up template without a telling name",
    "events/next.md",
    "# Hack Week MM/YYYY Wrap Up\n\n## Topic\n\n**Problem Statement:**\n\n**Achievements:**\n\n**Next Steps:**\n",
    "not-a-wrap-up",
    /reads like an empty template: 1 topic\(s\), every field empty, nothing linked/,
  ],
  [
    "an issue template told by its front matter",
    "docs/propose.md",
    "---\nname: Propose\nabout: a topic\n---\n\n## Topic\n\n**Problem Statement:** x\n\n**Next Steps:** y\n\n**Code:** https://github.com/a/b/pull/1\n",
    "not-a-wrap-up",
    /reads like an issue template: front matter with name and about/,
  ],
  [
    "a wrap-up with a title that names no event: three or more fields per topic",
    "notes/spring.md",
    "# Spring\n\n## A\n\n**Problem Statement:** a\n\n**Achievements:** b\n\n**Next Steps:** c\n\n## B\n\n**Problem Statement:** a\n\n**Achievements:** b\n\n**Next Steps:** N/A\n",
    "wrap-up",
    /^wrap-up: 2 topics, 2 with wrap-up fields \(problem statement, achievements, next steps\)$/,
  ],
  [
    "docs sections with two fields each and no event named",
    "docs/design.md",
    "# Design\n\n## A\n\n**Problem:** a\n\n**Outcome:** b\n\n## B\n\n**Motivation:** a\n\n**Code:** https://github.com/a/b/pull/1\n",
    "not-a-wrap-up",
    /^not a wrap-up: 2 sections, none with wrap-up fields; title "Design"$/,
  ],
  [
    "an event's wrap-up page written before any topic was: the event's wrap-up, with nothing to track yet",
    "2025-11/README.md",
    "# Hack Week 11/2025 Wrap Up\n\nTODO: results to be added here\n",
    "wrap-up",
    /^wrap-up: title "Hack Week 11\/2025 Wrap Up" names an event wrap-up; no topics yet$/,
  ],
  [
    "review notes told by their folder",
    "community/reviews/2024-06.md",
    "# Hack Week 06/2024\n\n## A\n\n**Problem Statement:** a\n\n**Achievements:** b\n\n**Next Steps:** c\n\n## B\n\n**Problem Statement:** a\n\n**Achievements:** b\n\n**Next Steps:** c\n",
    "not-a-wrap-up",
    /^not a wrap-up: reads like meeting notes: path community\/reviews\/2024-06\.md; 2 sections, 2 with wrap-up fields$/,
  ],
  [
    "an event's wrap-up whose title also says sync",
    "events/sync.md",
    "# Hack Week Sync 06/2024 Wrap Up\n\n## A\n\n**Problem Statement:** a\n\n**Next Steps:** c\n\n## B\n\n**Problem Statement:** a\n\n**Next Steps:** c\n",
    "wrap-up",
    /^wrap-up: 2 topics, 2 with wrap-up fields \(problem statement, next steps\)$/,
  ],
  [
    "a blog post with wrap-up fields that names no event",
    "blog/2025/kubecon.md",
    "---\ntitle: KubeCon Recap\ntype: blog\n---\n\n## Talk A\n\n**Motivation:** a\n\n**Outcome:** b\n\n**Next Steps:** c\n\n## Talk B\n\n**Motivation:** a\n\n**Outcome:** b\n\n**Next Steps:** c\n",
    "not-a-wrap-up",
    /^not a wrap-up: 2 sections, 2 with wrap-up fields; title "KubeCon Recap"$/,
  ],
  [
    "a blog post about an event that links no wrap-up heading",
    "blog/2025/hack-week.md",
    "---\ntitle: Hack Week 2025 Wrap-Up\ntype: blog\n---\n\n## Fast Builds\n\nWe made builds fast: https://github.com/a/b/pull/1\n\n## Small Images\n\nhttps://github.com/a/b/pull/2\n",
    "retelling",
    /^retelling: a blog post about "Hack Week 2025 Wrap-Up"; a blog post about an event is never tracked on its own$/,
  ],
];

describe("classifyWrapUp, case by case", () => {
  it.each(SMALL_CASES)("%s", (_name, path, text, kind, why) => {
    const wrapUp = parseWrapUp(text, { path });
    expect(wrapUp.kind).toBe(kind);
    expect(wrapUp.why).toMatch(why);
  });
});

describe.runIf(existsSync(corpusDir))("classifyWrapUp on the shared corpus", () => {
  const expected: Record<string, DocumentKind> = {
    "seeds/002_66ff57d9d02459b5.txt": "wrap-up",
    "seeds/003_cf3c194be9a120f0.txt": "retelling",
    "gardener-community-hackathon/index.md": "not-a-wrap-up",
    "README.md": "not-a-wrap-up",
  };
  const files = existsSync(corpusDir) ? listFiles(corpusDir) : [];

  it.each(files)("%s", (path) => {
    // Every event file (the 11/2025 page still empty) and seed is a wrap-up, but the index, the corpus README and the blog post.
    expect(read(corpusDir, path).kind).toBe(expected[path] ?? "wrap-up");
  });
});

function listFiles(root: string, dir = root): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path)];
  });
}

describe("long tables", () => {
  const files = new Map(hostileFiles(0.05).map((file) => [file.path, file]));

  it("a page of table rows and few words is an API reference", () => {
    const table = files.get("long-table.md")!;
    expect(parseWrapUp(table.text, { path: table.path }).why).toMatch(/^not a wrap-up: .*an API reference: \d+ table rows/);
  });

  it("a wrap-up carrying the same table is still a wrap-up with its topics", () => {
    const carrying = files.get("wrap-up-with-a-long-table.md")!;
    const wrapUp = parseWrapUp(carrying.text, { path: carrying.path });
    expect(wrapUp.kind).toBe("wrap-up");
    expect(wrapUp.topics.map((t) => t.title)).toEqual(carrying.topics);
  });
});
