import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { isWorkItem } from "../../src/wrapup/link-key.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import type { WrapUp } from "../../src/wrapup/types.js";
import { wrapUpSchema } from "./wrapup-schema.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const corpusDir = join(repoRoot, "../shared/corpus");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

/** Lines outside fenced code, with their 1-based numbers. */
function proseLines(text: string): Array<{ number: number; text: string }> {
  const out: Array<{ number: number; text: string }> = [];
  let fence: string | null = null;
  text.split("\n").forEach((line, index) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) fence = fence ? null : marker;
    else if (!fence) out.push({ number: index + 1, text: line });
  });
  return out;
}

/**
 * Topic headings found independently of the parser: a lead-in line (`**Problem Statement`, `**Next Steps`,
 * `### Next Steps`…) belongs to the closest heading above it that is not itself a field; those headings
 * are topics. Null when the file has no lead-ins (the count is then checked by hand below).
 */
function expectedTopicLines(text: string): number[] | null {
  const field = /^(\*\*|#{2,6}\s+)\W*(problem statement|next steps?|achievements|motivation|code\s*[/&]\s*pull requests|outcome)\b/i;
  let heading: number | null = null;
  const topics = new Set<number>();
  for (const line of proseLines(text)) {
    if (field.test(line.text)) {
      if (heading !== null) topics.add(heading);
    } else if (/^#{1,6}\s/.test(line.text)) heading = line.number;
  }
  return topics.size > 0 ? [...topics] : null;
}

/** Topic counts of the corpus files without field lead-ins, read off the documents. */
const COUNTED_BY_HAND: Record<string, number> = {
  "gardener-community-hackathon/2021-11_Steinberg.md": 3, // ### Control plane, ### Version per pool, ### Fast Tracks
  "gardener-community-hackathon/2022-09_Hirschegg.md": 8, // eight ## sections of bullet points
  "gardener-community-hackathon/2025-11_Schelklingen.md": 0, // "TODO: Results to be added here"
  "gardener-community-hackathon/index.md": 0, // the repository's README: Events, What to Expect
  "seeds/003_cf3c194be9a120f0.txt": 6, // blog post: six ### under ## Topics
  "README.md": 0, // the corpus's own description
  // seeds/002 (a topic-voting note) has no agreed topic list; only the invariants below are checked for it.
};

/** Where each topic's text ends: the next topic, or the next heading as shallow as its own. */
function topicLineRanges(text: string, wrapUp: WrapUp): Array<[number, number]> {
  const lines = text.split("\n");
  const headingDepth = (n: number) => /^(#{1,6})\s/.exec(lines[n - 1] ?? "")?.[1]?.length ?? 7;
  const indent = (n: number) => /^[ \t]*/.exec(lines[n - 1] ?? "")?.[0].replace(/\t/g, "    ").length ?? 0;
  return wrapUp.topics.map((topic, index) => {
    const next = wrapUp.topics[index + 1]?.line ?? lines.length + 1;
    if (topic.declaredStatus) {
      // A board's topic is its list item: up to the next line indented no deeper than the item.
      let end = topic.line + 1;
      while (end < next && ((lines[end - 1] ?? "").trim() === "" || indent(end) > indent(topic.line))) end++;
      return [topic.line, end];
    }
    const depth = headingDepth(topic.line);
    if (depth > 6) return [topic.line, next]; // a plain-text topic runs to the next one
    let end = topic.line + 1;
    while (end < next && headingDepth(end) > depth) end++;
    return [topic.line, end];
  });
}

describe.runIf(existsSync(corpusDir))("the shared corpus", () => {
  const files = existsSync(corpusDir) ? listFiles(corpusDir) : [];

  it.each(files.map((f) => [relative(corpusDir, f), f]))("%s parses into a valid model", (name, file) => {
    const text = readFileSync(file, "utf8");
    const wrapUp = parseWrapUp(text, { path: name });
    expect(wrapUpSchema.safeParse(wrapUp).error).toBeUndefined();

    const expected = expectedTopicLines(text);
    if (expected) expect(wrapUp.topics.map((t) => t.line)).toEqual(expected);
    else if (name in COUNTED_BY_HAND) expect(wrapUp.topics).toHaveLength(COUNTED_BY_HAND[name] ?? -1);
    if (/^Problem Statement:/m.test(text) && !/^#/m.test(text)) {
      expect(wrapUp.topics).toHaveLength(text.match(/^Problem Statement:/gm)?.length ?? -1);
    }

    // Every pull request URL inside a topic's text is a pull link of that topic.
    const lines = text.split("\n");
    topicLineRanges(text, wrapUp).forEach(([from, to], index) => {
      const topicText = proseLines(lines.slice(from - 1, to - 1).join("\n")).map((l) => l.text).join("\n");
      const pulls = [...topicText.matchAll(/github\.com\/([\w.-]+)\/([\w.-]+)\/pull\/(\d+)/g)].map(
        ([, o, r, n]) => `${o?.toLowerCase()}/${r?.toLowerCase()}#${n}`,
      );
      const links = wrapUp.topics[index]?.links.filter((l) => l.kind === "pull") ?? [];
      const found = new Set(links.map((l) => `${l.owner?.toLowerCase()}/${l.repo?.toLowerCase()}#${l.number}`));
      expect([...new Set(pulls)].filter((p) => !found.has(p))).toEqual([]);
    });

    // No work item is invented: each one is written in the text.
    for (const link of wrapUp.topics.flatMap((t) => t.links).filter(isWorkItem)) {
      const written = link.kind === "issue-or-pull" ? `${link.owner}/${link.repo}#${link.number}` : link.url;
      expect(text).toContain(written);
    }
  });
});

describe.runIf(existsSync(corpusDir))("anchors against GitHub's own", () => {
  it("gives every topic anchor that other corpus documents link to (GitHub made those)", () => {
    const files = listFiles(corpusDir);
    const everything = files.map((f) => readFileSync(f, "utf8")).join("\n");
    const linked = [...everything.matchAll(/hackathon\/(?:tree|blob)\/main\/(\d{4}-\d{2}_\w+)(?:\/README\.md)?#([^)\s]+)/g)];
    expect(linked.length).toBeGreaterThan(5);
    for (const [, event = "", fragment = ""] of linked) {
      const file = join(corpusDir, "gardener-community-hackathon", `${event}.md`);
      const anchors = parseWrapUp(readFileSync(file, "utf8"), { path: file }).topics.map((t) => t.anchor);
      expect(anchors).toContain(decodeURIComponent(fragment));
    }
  }, 120_000);
});
