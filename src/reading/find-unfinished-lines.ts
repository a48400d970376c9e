import type { FoundLink } from "./collect-links.js";
import type { Segment } from "./topic-frame.js";
import { isWorkItem } from "../wrapup/link-key.js";
import { firstAtOrAfter } from "./count-between.js";

/**
 * Words that say a piece of work is not finished: `[WIP fix](…/pull/1)`, "preparing PRs for merging",
 * "draft PR", "to be continued in #12", "follow-up". German too, where cheap. Plain alternation: linear.
 */
const UNFINISHED = /\b(?:wip|work[\s-]in[\s-]progress|drafts?|drafted|preparing|prepared|continues?|continued|continuing|follow[\s-]?ups?|todo|to[\s-]do|in[\s-]progress|ongoing|not yet|still open|pending|needs? (?:review|work|more)|to be (?:merged|continued|done|finished|reviewed)|unfinished|started|will|plan(?:ned)? to|in arbeit|noch offen|fortsetzen|weiter(?:machen|arbeiten))\b/i;

/**
 * Lines between `start` and `end` that carry a work link and say its work is unfinished: a topic's
 * next steps when it states none. `links` sorted by offset; `offsets` are theirs.
 */
export function findUnfinishedLines(text: string, links: FoundLink[], offsets: readonly number[], start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let lastLineStart = -1;
  for (let i = firstAtOrAfter(offsets, start); i < links.length; i++) {
    const link = links[i] as FoundLink;
    if (link.offset >= end) break;
    if (!isWorkItem({ ...link, field: "body" })) continue;
    const lineStart = text.lastIndexOf("\n", link.offset - 1) + 1;
    if (lineStart === lastLineStart) continue;
    lastLineStart = lineStart;
    const newline = text.indexOf("\n", link.offset);
    const lineEnd = Math.min(newline < 0 ? text.length : newline, end);
    const line = text.slice(lineStart, Math.min(lineEnd, lineStart + 1000));
    if (UNFINISHED.test(line)) segments.push({ field: "nextSteps", label: "unfinished work", line: link.line, start: Math.max(lineStart, start), end: lineEnd });
  }
  return segments;
}
