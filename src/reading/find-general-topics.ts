import type { Heading, List, ListItem, Root, RootContent, Table, TableRow } from "mdast";
import { toString } from "mdast-util-to-string";
import type { FoundLink } from "./collect-links.js";
import { isEventPartName } from "./event-part-names.js";
import type { FieldMark } from "./find-fields.js";
import { plainTitle } from "./plain-title.js";
import type { TopicFrame } from "./topic-frame.js";
import { isWorkItem } from "../wrapup/link-key.js";
import { countBetween } from "./count-between.js";

/** Sections of a report paper or post that are about the report, never a piece of work. */
const NOT_TOPICS = new Set([
  "abstract", "authors", "author", "methods", "discussion", "repositories", "repository", "code availability",
  "data availability", "software availability", "funding", "competing interests", "contributors", "team",
  "people", "participants", "sponsors", "misc links", "tags", "background", "motivation", "related work",
  "einleitung", "danksagung", "teilnehmende", "tl dr", "tldr",
]);

interface Section {
  node: Heading;
  depth: number;
  start: number;
  end: number;
  title: string;
  skip: boolean;
  workLinks: number;
  words: number;
  parent: number;
}

/** A sibling section without work links is a topic when it says something of its own (a room's discussion). */
const SIBLING_MIN_WORDS = 8;

const workLink = (l: FoundLink) => isWorkItem({ ...l, field: "body" });

/**
 * Topics from `##`–`####` headings: the shallowest depth where two or more sections hold work links
 * (a single `## Topics` wrapper sends the choice one level down; so do days or tracks holding twice as
 * many linked sections below them). At that depth, the sections with
 * work links and their siblings with a write-up of their own are topics; field-named and
 * event-part sections (Introduction, Next steps, Repositories) never are. Ends: the next heading as
 * shallow.
 */
export function findHeadingTopics(root: Root, text: string, links: FoundLink[], marks: FieldMark[], anchors: Map<Heading, string>): TopicFrame[] {
  const sections = describeSections(root, text, links, marks);
  const linkedAt = (d: number) => sections.filter((s) => s.depth === d && !s.skip && s.workLinks > 0).length;
  let depth: number | null = null;
  for (let d = 2; d <= 4 && depth === null; d++) {
    if (linkedAt(d) >= 2) depth = d;
  }
  if (depth === null) return [];
  // Days or tracks (`## Day 1`) holding the projects (`### …`) twice as many: the projects are the topics.
  if (depth < 4 && linkedAt(depth + 1) >= 2 * linkedAt(depth)) depth += 1;
  const linked = new Set(sections.filter((s) => s.depth === depth && !s.skip && s.workLinks > 0).map((s) => s.parent));
  const chosen = sections.filter((s) => s.depth === depth && !s.skip && linked.has(s.parent) && (s.workLinks > 0 || s.words >= SIBLING_MIN_WORDS));
  return chosen.map((s) => ({
    title: s.title,
    heading: toString(s.node).trim(),
    line: s.node.position?.start.line ?? 1,
    anchor: anchors.get(s.node) ?? "",
    start: s.start,
    headingEnd: s.node.position?.end.offset ?? s.start,
    end: s.end,
    segments: [],
  }));
}

function describeSections(root: Root, text: string, links: FoundLink[], marks: FieldMark[]): Section[] {
  const headings = root.children.filter((n): n is Heading => n.type === "heading" && !!n.position);
  const fieldHeadings = new Set(marks.filter((m) => m.via === "heading").map((m) => m.markStart));
  const workOffsets = links.filter(workLink).map((l) => l.offset);
  const ends = sectionEnds(headings, text.length);
  const open: number[] = [];
  return headings.map((node, index) => {
    const start = node.position!.start.offset ?? 0;
    const end = ends[index]!;
    open.length = node.depth - 1;
    const parent = open.findLast((i) => i !== undefined) ?? -1;
    open[node.depth - 1] = index;
    const title = plainTitle(toString(node));
    const key = title.toLowerCase().replace(/[^\p{L}\p{N} ]+/gu, " ").replace(/\s+/g, " ").trim();
    const skip = node.depth === 1 || fieldHeadings.has(start) || isEventPartName(title) || NOT_TOPICS.has(key);
    // Words of a long section are only compared with 25: a bounded slice keeps nested sections linear.
    const body = text.slice(node.position!.end.offset ?? start, Math.min(end, (node.position!.end.offset ?? start) + 2000));
    return {
      node, depth: node.depth, start, end, title, skip, parent,
      workLinks: countBetween(workOffsets, start, end),
      words: body.match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0,
    };
  });
}

/** Where each heading's section ends: the next heading as shallow, in one pass with a stack. */
function sectionEnds(headings: Heading[], textLength: number): number[] {
  const ends = headings.map(() => textLength);
  const stack: number[] = [];
  headings.forEach((node, index) => {
    while (stack.length > 0 && headings[stack.at(-1)!]!.depth >= node.depth) ends[stack.pop()!] = node.position!.start.offset ?? textLength;
    stack.push(index);
  });
  return ends;
}

/**
 * Topics from list items that carry work links: a flat outcome list (one bullet per team or person).
 * Items of lists under a next-steps heading are next steps, not topics. Titles: the bold lead, else the
 * words before the first colon or dash, else the first eight words.
 */
export function findListTopics(root: Root, text: string, links: FoundLink[], marks: FieldMark[], slug: (t: string) => string): TopicFrame[] {
  const frames: TopicFrame[] = [];
  const workOffsets = links.filter(workLink).map((l) => l.offset);
  let field: FieldMark["field"] | null = null;
  const headingField = new Map(marks.filter((m) => m.via === "heading").map((m) => [m.markStart, m.field]));
  for (const node of root.children) {
    if (node.type === "heading") field = headingField.get(node.position?.start.offset ?? -1) ?? null;
    if (node.type !== "list" || field === "nextSteps") continue;
    for (const item of (node satisfies List).children) {
      const frame = itemFrame(item, text, workOffsets, slug);
      if (frame) frames.push(frame);
    }
  }
  return frames;
}

function itemFrame(item: ListItem, text: string, workOffsets: number[], slug: (t: string) => string): TopicFrame | null {
  const start = item.position?.start.offset;
  const end = item.position?.end.offset;
  if (start === undefined || end === undefined) return null;
  if (countBetween(workOffsets, start, end) === 0) return null;
  const first = item.children[0];
  const title = first ? leadTitle(first) : "";
  if (!title) return null;
  const lineEnd = text.indexOf("\n", start);
  return {
    title, heading: text.slice(start, lineEnd < 0 || lineEnd > end ? end : lineEnd).replace(/^[ \t]*[-*+][ \t]+/, "").trim(),
    line: item.position?.start.line ?? 1, anchor: slug(title), start, headingEnd: start, end, segments: [],
  };
}

function leadTitle(block: RootContent): string {
  if (block.type !== "paragraph") return "";
  const strong = block.children[0]?.type === "strong" ? toString(block.children[0]) : "";
  const words = plainTitle(strong || toString(block)).replace(/:$/, "");
  const cut = strong ? words : (/^(.{3,80}?)(?::\s|\s[–—-]\s)/.exec(words)?.[1] ?? words);
  const parts = cut.split(" ");
  return parts.length > 8 ? `${parts.slice(0, 8).join(" ")}…` : cut;
}

/** Topics from table rows that carry work links: the first cell names the topic. */
export function findTableTopics(root: Root, links: FoundLink[], slug: (t: string) => string): TopicFrame[] {
  const rows = root.children.flatMap((n) => (n.type === "table" ? (n satisfies Table).children.slice(1) : []));
  const workOffsets = links.filter(workLink).map((l) => l.offset);
  return rows.flatMap((row: TableRow) => {
    const start = row.position?.start.offset;
    const end = row.position?.end.offset;
    if (start === undefined || end === undefined) return [];
    if (countBetween(workOffsets, start, end) === 0) return [];
    const title = plainTitle(toString(row.children[0] ?? { type: "text", value: "" }));
    if (!title) return [];
    return [{ title, heading: title, line: row.position?.start.line ?? 1, anchor: slug(title), start, headingEnd: start, end, segments: [] }];
  });
}

