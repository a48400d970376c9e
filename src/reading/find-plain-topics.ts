import { matchFieldName } from "./field-names.js";
import { plainTitle } from "./plain-title.js";
import { createSlugger } from "./slug.js";
import type { Segment, TopicFrame } from "./topic-frame.js";

/**
 * `Name: text` at the start of a line, the way scraped pages keep field lead-ins. Every quantifier is
 * bounded (at most 40 markers before the name), so a line of 100 KB of spaces or `*` costs no more than a short one.
 */
const PLAIN_LEAD_IN = /^[ \t>*_-]{0,40}([\p{L}][\p{L} \t/&+-]{0,40}?)[*_ \t]{0,9}:[*_]{0,9}[ \t]{0,9}/u;
const MAX_TITLE_LENGTH = 120;

interface Line {
  number: number;
  start: number;
  end: number;
  text: string;
}

/**
 * Topics of a document scraped to plain text (no headings): each `Problem Statement:` line starts one,
 * and the short line just before it (blank lines aside), when it is no field line, is its title.
 * `inCode(line)` tells which lines sit in code blocks (never read as fields).
 */
export function findPlainTopics(text: string, inCode: (line: number) => boolean): TopicFrame[] {
  const frames: TopicFrame[] = [];
  const slug = createSlugger();
  let previous: Line | null = null;
  let previousIsField = false;
  for (const line of splitLines(text)) {
    const lead = inCode(line.number) ? null : PLAIN_LEAD_IN.exec(line.text);
    const field = lead ? matchFieldName(lead[1] ?? "") : null;
    if (field === "problem") {
      const titleLine = previous && !previousIsField && isTitleLike(previous.text) ? previous : null;
      closeFrame(frames.at(-1), titleLine?.start ?? line.start);
      frames.push(openFrame(titleLine, line, slug));
    }
    const frame = frames.at(-1);
    if (field && frame && lead) {
      closeSegment(frame, line.start);
      const label = (lead[1] ?? "").trim();
      frame.segments.push({ field, label, line: line.number, start: line.start + lead[0].length, end: text.length });
    }
    if (line.text.trim() === "") continue; // the title may stand a blank line above
    previous = line;
    previousIsField = field !== null;
  }
  closeFrame(frames.at(-1), text.length);
  return frames;
}

function openFrame(titleLine: Line | null, problemLine: Line, slug: (text: string) => string): TopicFrame {
  const source = titleLine ?? problemLine;
  const title = titleLine ? plainTitle(titleLine.text) : fallbackTitle(problemLine.text);
  return {
    title,
    heading: source.text.trim(),
    line: source.number,
    // No heading, so nothing to link to; still the topic's key (follow-ups, exempt lists),
    // so it must be unique in the document and survive edits elsewhere: the title's slug.
    anchor: slug(title),
    start: source.start,
    headingEnd: titleLine ? titleLine.end : problemLine.start,
    end: source.start,
    segments: [],
  };
}

function closeFrame(frame: TopicFrame | undefined, end: number): void {
  if (!frame) return;
  frame.end = end;
  closeSegment(frame, end);
}

function closeSegment(frame: TopicFrame, end: number): void {
  const last: Segment | undefined = frame.segments.at(-1);
  if (last && last.end > end) last.end = end;
}

/** Without a title line, the start of the problem statement names the topic. */
function fallbackTitle(problemLine: string): string {
  const words = plainTitle(problemLine.replace(PLAIN_LEAD_IN, "")).split(" ");
  return words.length > 8 ? `${words.slice(0, 8).join(" ")}…` : words.join(" ");
}

function isTitleLike(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_TITLE_LENGTH && !/[.,:;]$/.test(trimmed) && !/^(<hr|[-*_]{3})/.test(trimmed);
}

function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const newline = text.indexOf("\n", start);
    const end = newline < 0 ? text.length : newline;
    lines.push({ number, start, end, text: text.slice(start, end).replace(/\r$/, "") });
    if (newline < 0) break;
    start = newline + 1;
    number++;
  }
  return lines;
}
