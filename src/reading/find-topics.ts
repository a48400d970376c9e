import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { FoundLink } from "./collect-links.js";
import type { FieldMark } from "./find-fields.js";
import { readFieldHeading } from "./find-fields.js";
import { isWorkItem } from "../wrapup/link-key.js";
import { isEventPartName } from "./event-part-names.js";

/** A heading that is not a field name, with what its own section (up to the next heading) holds. */
export interface HeadingInfo {
  node: Heading;
  depth: number;
  start: number;
  end: number;
  line: number;
  /** Offset of the next non-field heading of any depth (or the document's end). */
  ownEnd: number;
  /** Index of the closest shallower heading before it (its parent), or -1. */
  parent: number;
  fields: number;
  workLinks: number;
  githubLinks: number;
  hasContent: boolean;
}

export interface TopicHeading {
  heading: HeadingInfo;
  /** The topic ends at the next heading as deep as itself or shallower. */
  end: number;
}

/**
 * Which headings carry topics, decided by content: the depth whose headings most often have fields
 * (with free-form siblings: prose and sub-headings of their own); failing that, the depth whose
 * sections most often hold GitHub links (with their sibling sections); failing that, the depth of
 * three or more sibling sections.
 */
export function findTopicHeadings(root: Root, text: string, marks: FieldMark[], links: FoundLink[]): TopicHeading[] {
  const textLength = text.length;
  const headings = describeHeadings(root, textLength, marks, links);
  const chosen = chooseByFields(headings, text, links) ?? chooseByLinks(headings) ?? chooseBySections(headings);
  if (!chosen) return [];
  const topics = headings.filter((h, index) => h.depth === chosen.depth && chosen.keep(h, index));
  // A field-named heading as shallow as the topics (a closing "## Next Steps" for the whole event) ends them.
  const closers = marks.filter((m) => m.via === "heading" && (m.depth ?? 7) <= chosen.depth).map((m) => m.markStart);
  return topics.map((heading) => ({ heading, end: sectionEnd(headings, heading, textLength, closers) }));
}

type Choice = { depth: number; keep: (heading: HeadingInfo, index: number) => boolean };

function chooseByFields(headings: HeadingInfo[], text: string, links: FoundLink[]): Choice | null {
  const depth = bestDepth(headings, (h) => h.fields > 0);
  if (depth === null) return null;
  const structured = (h: HeadingInfo) => h.fields > 0 || h.workLinks > 0;
  const parents = new Set(headings.filter((h) => h.depth === depth && structured(h)).map((h) => h.parent));
  const freeForm = (h: HeadingInfo, index: number) => parents.has(h.parent) && isFreeFormTopic(headings, index, text, links);
  return { depth, keep: (h, index) => structured(h) || freeForm(h, index) };
}

/** Words of prose a free-form section needs: a write-up, not a heading with a line under it. */
const FREE_FORM_MIN_WORDS = 50;

/**
 * A section among structured siblings that has no fields but is a write-up of its own (an experiment
 * with `###` sub-headings, or prose around a work link). Parts of the event itself ("Preparation",
 * "Conclusion", "Votings") never are, however long.
 */
function isFreeFormTopic(headings: HeadingInfo[], index: number, text: string, links: FoundLink[]): boolean {
  const heading = headings[index] as HeadingInfo;
  if (isEventPartName(toString(heading.node))) return false;
  const end = sectionEnd(headings, heading, text.length, []);
  let subHeadings = 0;
  for (let i = index + 1; i < headings.length && (headings[i] as HeadingInfo).start < end; i++) subHeadings++;
  const workLinks = links.filter((l) => l.offset >= heading.start && l.offset < end && isLinkWorkItem(l)).length;
  const words = countWords(text.slice(heading.end, end));
  return (subHeadings > 0 && words >= FREE_FORM_MIN_WORDS) || (workLinks > 0 && words >= FREE_FORM_MIN_WORDS / 2);
}

function countWords(text: string): number {
  return text.replace(/```[\s\S]*?```/g, " ").match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0;
}

function chooseByLinks(headings: HeadingInfo[]): Choice | null {
  const depth = bestDepth(headings, (h) => h.githubLinks > 0);
  if (depth === null) return null;
  const parents = new Set(headings.filter((h) => h.depth === depth && h.githubLinks > 0).map((h) => h.parent));
  return { depth, keep: (h) => parents.has(h.parent) };
}

function chooseBySections(headings: HeadingInfo[]): Choice | null {
  const siblings = new Map<string, number>();
  for (const h of headings) {
    if (!h.hasContent) continue;
    const key = `${h.depth}:${h.parent}`;
    siblings.set(key, (siblings.get(key) ?? 0) + 1);
  }
  const groups = [...siblings.entries()].filter(([, count]) => count >= 3);
  if (groups.length === 0) return null;
  const depth = Math.min(...groups.map(([key]) => Number(key.split(":")[0])));
  const parents = new Set(groups.filter(([key]) => key.startsWith(`${depth}:`)).map(([key]) => Number(key.split(":")[1])));
  return { depth, keep: (h) => h.hasContent && parents.has(h.parent) };
}

/**
 * The depth with most headings passing `test`. Ties go to the shallower depth, except that a
 * document's `#` title loses a tie (a lead-in under the title is no reason to make it the topic).
 */
function bestDepth(headings: HeadingInfo[], test: (h: HeadingInfo) => boolean): number | null {
  const counts = new Map<number, number>();
  for (const h of headings) if (test(h)) counts.set(h.depth, (counts.get(h.depth) ?? 0) + 1);
  const rank = (depth: number) => (depth === 1 ? 7 : depth);
  let best: number | null = null;
  for (const [depth, count] of counts) {
    const bestCount = best === null ? 0 : (counts.get(best) ?? 0);
    if (count > bestCount || (count === bestCount && best !== null && rank(depth) < rank(best))) best = depth;
  }
  return best;
}

function sectionEnd(headings: HeadingInfo[], heading: HeadingInfo, textLength: number, closers: number[]): number {
  let end = textLength;
  const from = headings.indexOf(heading);
  for (let i = from + 1; i < headings.length; i++) {
    const next = headings[i] as HeadingInfo;
    if (next.depth <= heading.depth) {
      end = next.start;
      break;
    }
  }
  const closer = closers.find((offset) => offset > heading.start);
  return closer !== undefined && closer < end ? closer : end;
}

function describeHeadings(root: Root, textLength: number, marks: FieldMark[], links: FoundLink[]): HeadingInfo[] {
  const nodes = root.children.filter((n): n is Heading => n.type === "heading" && !!n.position && !readFieldHeading(n));
  const headings: HeadingInfo[] = [];
  const openByDepth: number[] = [];
  nodes.forEach((node, index) => {
    const start = node.position?.start.offset ?? 0;
    const next = nodes[index + 1];
    const ownEnd = next?.position?.start.offset ?? textLength;
    openByDepth.length = node.depth - 1;
    const parent = openByDepth.findLast((i) => i !== undefined) ?? -1;
    openByDepth[node.depth - 1] = index;
    headings.push({
      node, depth: node.depth, start, end: node.position?.end.offset ?? start, line: node.position?.start.line ?? 1,
      ownEnd, parent, fields: 0, workLinks: 0, githubLinks: 0, hasContent: false,
    });
  });
  countInside(headings, marks.map((m) => m.markStart), (h) => h.fields++);
  countInside(headings, links.filter((l) => l.kind !== "external").map((l) => l.offset), (h) => h.githubLinks++);
  countInside(headings, links.filter(isLinkWorkItem).map((l) => l.offset), (h) => h.workLinks++);
  const blockStarts = root.children.filter((n) => n.type !== "heading").map((n) => n.position?.start.offset ?? 0);
  countInside(headings, blockStarts, (h) => (h.hasContent = true));
  return headings;
}

function isLinkWorkItem(link: FoundLink): boolean {
  return isWorkItem({ ...link, field: "body" });
}

/** Calls `hit` for the heading whose own section holds each offset (offsets and headings both sorted). */
function countInside(headings: HeadingInfo[], offsets: number[], hit: (h: HeadingInfo) => void): void {
  const sorted = [...offsets].sort((a, b) => a - b);
  let i = 0;
  for (const offset of sorted) {
    while (i < headings.length && (headings[i] as HeadingInfo).ownEnd <= offset) i++;
    const h = headings[i];
    if (h && offset >= h.start) hit(h);
  }
}
