import { readEventDate } from "./read-date.js";

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
const DASH = "\\s*(?:-|–|—|to|bis|until)\\s*";

/** A date line says so near its start: only this much of a line (after its `>` and indent) is read. */
export const DATE_LOOK_AHEAD = 200;

/**
 * A line that states when the event was: `🗓️ **Date:** 21.07.2025 – 25.07.2025`, `Date: May 22–26, 2023`,
 * `- **When:** 2024-05-13 – 2024-05-17`, as a list item, a paragraph or a table-free line. Applied to a
 * line cut to DATE_LOOK_AHEAD characters with its leading spaces and `>` removed; every quantifier is
 * bounded, so no line, however long, makes it backtrack.
 */
const DATE_LINE = /^(?:[-*+][ \t]{1,9})?[^\p{L}\p{N}\n]{0,8}?(?:\*\*|__)?[ \t]{0,9}(?:event[ \t]{1,9})?(?:dates?|when)[ \t]{0,9}(?:\*\*|__)?[ \t]{0,9}:[ \t]{0,9}(?:\*\*|__)?(.+)$/iu;
/** The indent and quote marks before a date line. */
const LEAD = new Set([" ", "\t", ">"]);

/** Ranges whose first date lacks month or year (`22.–26.05.2023`, `May 22–26, 2023`, `22–26 May 2023`). */
const SHORT_RANGES: Array<(text: string) => string | null> = [
  (t) => swap(new RegExp(`\\b\\d{1,2}\\.?${DASH}(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b`, "i").exec(t), (m) => `${m[1]}.${m[2]}.${m[3]}`),
  (t) => swap(new RegExp(`\\b${MONTH}\\s+\\d{1,2}${DASH}(\\d{1,2}),?\\s+(\\d{4})\\b`, "i").exec(t), (m) => `${m[2]} ${m[1]} ${m[3]}`),
  (t) => swap(new RegExp(`\\b\\d{1,2}\\.?${DASH}(\\d{1,2})\\.?\\s+${MONTH}\\s+(\\d{4})\\b`, "i").exec(t), (m) => `${m[1]} ${m[2]} ${m[3]}`),
];

export interface DateLine {
  /** ISO date of the event's last day. */
  date: string;
  line: number;
}

/**
 * The event's last day from its date line, among the lines before `beforeLine` (the first topic):
 * the grace period counts from the end of the event, and a date line is more precise than the month
 * in a title. Null when no such line states a date.
 */
export function readDateLine(text: string, beforeLine = Number.POSITIVE_INFINITY): DateLine | null {
  const lines = text.split("\n");
  let inFence = false;
  for (let i = 0; i < lines.length && i + 1 < beforeLine; i++) {
    const line = lines[i] as string;
    if (/^\s*(`{3,}|~{3,})/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const value = DATE_LINE.exec(lineStart(line))?.[1];
    const date = value ? lastDateOf(value) : null;
    if (date) return { date, line: i + 1 };
  }
  return null;
}

/** The line without its indent and quote marks, cut to DATE_LOOK_AHEAD characters. */
function lineStart(line: string): string {
  let start = 0;
  while (start < line.length && LEAD.has(line[start] as string)) start++;
  return line.slice(start, start + DATE_LOOK_AHEAD);
}

/** The latest full date a value states (`02.11.2021 – 06.11.2021` → 2021-11-06). */
export function lastDateOf(value: string): string | null {
  for (const read of SHORT_RANGES) {
    const date = read(value);
    if (date) return date;
  }
  const dates: string[] = [];
  let rest = value;
  for (let guard = 0; guard < 4; guard++) {
    const date = readFullDate(rest);
    if (!date) break;
    dates.push(date.iso);
    rest = rest.slice(date.end);
  }
  return dates.sort().at(-1) ?? null;
}

/** The first date in `text` that names a day (not only a month), with where it ends. */
function readFullDate(text: string): { iso: string; end: number } | null {
  const patterns = [/\b\d{4}-\d{1,2}-\d{1,2}(?!\d)/, /\b\d{1,2}\.\d{1,2}\.\d{4}\b/, new RegExp(`\\b\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}\\b`, "i"), new RegExp(`\\b${MONTH}\\s+\\d{1,2},?\\s+\\d{4}\\b`, "i")];
  let best: { iso: string; end: number; start: number } | null = null;
  for (const pattern of patterns) {
    const m = pattern.exec(text);
    const iso = m ? readEventDate([m[0]]) : null;
    if (m && iso && (!best || m.index < best.start)) best = { iso, end: m.index + m[0].length, start: m.index };
  }
  return best;
}

function swap(match: RegExpExecArray | null, toDate: (m: RegExpExecArray) => string): string | null {
  return match ? readEventDate([toDate(match)]) : null;
}
