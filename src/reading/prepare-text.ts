import { boundTables } from "./bound-tables.js";

/** Wrap-ups are a few dozen KB; beyond this the rest is cut so parsing stays quick. */
export const MAX_TEXT_LENGTH = 1_000_000;
/**
 * Container prefixes (`>`, list indents) longer than this are cut: markdown nesting that deep costs quadratic
 * time (a 590 KB file of lists nested 300 deep took 2 s at 100). No wrap-up nests 20 lists deep.
 */
export const MAX_PREFIX_LENGTH = 40;
/** Emphasis marks per paragraph beyond which they are read as plain characters (quadratic pairing otherwise). */
export const MAX_EMPHASIS_MARKS = 1_000;
/** Brackets per paragraph beyond which they are read as plain characters (link openers are matched in quadratic time). */
export const MAX_BRACKETS = 1_000;
/**
 * Runs of the characters a GFM autolink may end on (`.`, `:`, `!`, `?`, `)`, `_`…) longer than this get a
 * zero-width space every this many characters: after a URL, the parser checks each of them against the
 * rest of the run, quadratic time (8 KB of `:` after a URL took 2 s).
 */
export const MAX_PUNCTUATION_RUN = 64;
const TRAILING = new Set([..."!\"&')*,.:;<?]_~"].map((c) => c.charCodeAt(0)));
/**
 * A `[` whose `]` comes more than this many characters later (or never) becomes a look-alike: GFM checks
 * every word after an open `[` against it (a `[` before 20,000 short lines took 12 s). CommonMark itself
 * caps a link label at 999 characters.
 */
export const MAX_LABEL_SPAN = 1_000;
/** Documents this long always get the line pass (tables, brackets), whatever the cheap test says. */
const LINE_PASS_LENGTH = 20_000;

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g;
const PREFIX = /^[ \t>*+\-.)0-9]*/;
const LOOK_ALIKES: Record<string, string> = { "*": "\u2217", _: "\uFF3F", "[": "\uFF3B", "]": "\uFF3D" };

export interface PreparedText {
  text: string;
  warnings: string[];
}

/**
 * Makes any input safe for the markdown parser without changing line numbers: cuts huge input at a line
 * end, removes control bytes, turns CR/CRLF into LF, and defuses pathological nesting, emphasis,
 * brackets and tables.
 */
export function prepareText(input: string): PreparedText {
  const warnings: string[] = [];
  let text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.length > MAX_TEXT_LENGTH) {
    const cut = text.lastIndexOf("\n", MAX_TEXT_LENGTH);
    const keep = cut > MAX_TEXT_LENGTH / 2 ? cut : MAX_TEXT_LENGTH;
    warnings.push(
      `the document is ${megabytes(text.length)} long; only its first ${megabytes(keep)} were read (a wrap-up is usually under 100 KB)`,
    );
    text = text.slice(0, keep);
  }
  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0) {
    const looksBinary = text.includes("\0") || controls > 16;
    warnings.push(
      looksBinary
        ? `the document looks like binary data, not text: ${controls} control bytes were removed and the rest was read as text`
        : `${controls} stray control character(s) were removed from the text`,
    );
    text = text.replace(CONTROL, "");
  }
  text = text.replace(/\r\n?/g, "\n");
  return defuse(text, warnings);
}

function defuse(text: string, warnings: string[]): PreparedText {
  if (!needsDefusing(text)) return { text, warnings };
  const lines = text.split("\n");
  let flattened = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const prefix = PREFIX.exec(line)?.[0] ?? "";
    if (prefix.length <= MAX_PREFIX_LENGTH) continue;
    if (flattened++ === 0) warnings.push(`line ${i + 1}: nesting deeper than ${MAX_PREFIX_LENGTH} levels was flattened`);
    lines[i] = prefix.slice(0, MAX_PREFIX_LENGTH) + line.slice(prefix.length);
  }
  boundTables(lines, warnings);
  breakPunctuationRuns(lines);
  defuseParagraphs(lines, warnings);
  return { text: lines.join("\n"), warnings };
}

/** Cheap test so ordinary documents skip the line-by-line pass. */
function needsDefusing(text: string): boolean {
  if (text.length >= LINE_PASS_LENGTH) return true;
  let marks = 0;
  let brackets = 0;
  let run = 0;
  let longestRun = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 42 || c === 95) marks++;
    else if (c === 91 || c === 93) brackets++;
    run = TRAILING.has(c) ? run + 1 : 0;
    if (run > longestRun) longestRun = run;
  }
  if (brackets > 0 && text.length > MAX_LABEL_SPAN) return true;
  return longestRun > MAX_PUNCTUATION_RUN || marks > MAX_EMPHASIS_MARKS || brackets > MAX_BRACKETS || new RegExp(`(^|\\n)[ \\t>*+\\-.)0-9]{${MAX_PREFIX_LENGTH + 1}}`).test(text);
}

/** A zero-width space after every MAX_PUNCTUATION_RUN characters of a punctuation run (looks the same). */
function breakPunctuationRuns(lines: string[]): void {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    let run = 0;
    let broken: string[] | null = null;
    let from = 0;
    for (let j = 0; j < line.length; j++) {
      run = TRAILING.has(line.charCodeAt(j)) ? run + 1 : 0;
      if (run <= MAX_PUNCTUATION_RUN) continue;
      (broken ??= []).push(line.slice(from, j), "\u200B");
      from = j;
      run = 1;
    }
    if (broken) lines[i] = broken.join("") + line.slice(from);
  }
}

/**
 * In a paragraph with more emphasis marks or brackets than any real text has, `*`/`_` (or `[`/`]`)
 * become look-alikes: the parser pairs them in quadratic time, and no wrap-up needs a thousand of them.
 */
function defuseParagraphs(lines: string[], warnings: string[]): void {
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && (lines[i] as string).trim() !== "") continue;
    let marks = 0;
    let brackets = 0;
    for (let j = start; j < i; j++) {
      const counted = countMarks(lines[j] as string);
      marks += counted.marks;
      brackets += counted.brackets;
    }
    if (brackets > 0 && brackets <= MAX_BRACKETS) defuseOpenBrackets(lines, start, i, warnings);
    const defused = (marks > MAX_EMPHASIS_MARKS ? "*_" : "") + (brackets > MAX_BRACKETS ? "[]" : "");
    if (marks > MAX_EMPHASIS_MARKS) warnings.push(`line ${start + 1}: a paragraph with ${marks} emphasis marks (* and _) was read as plain text`);
    if (brackets > MAX_BRACKETS) warnings.push(`line ${start + 1}: a paragraph with ${brackets} brackets ([ and ]) was read as plain text (links in it were not read)`);
    if (defused) {
      const pattern = new RegExp(`[${defused.replace(/[[\]]/g, "\\$&")}]`, "g");
      for (let j = start; j < i; j++) lines[j] = (lines[j] as string).replace(pattern, (c) => LOOK_ALIKES[c] ?? c);
    }
    start = i + 1;
  }
}

/** The `[`s of lines `from`..`to` (one paragraph) left open for more than MAX_LABEL_SPAN characters become `［`. */
function defuseOpenBrackets(lines: string[], from: number, to: number, warnings: string[]): void {
  const open: { line: number; column: number; at: number }[] = [];
  const far: { line: number; column: number }[] = [];
  let at = 0;
  for (let j = from; j < to; j++) {
    const line = lines[j] as string;
    for (let k = 0; k < line.length; k++, at++) {
      const c = line.charCodeAt(k);
      if (c === 91) open.push({ line: j, column: k, at });
      else if (c === 93 && open.length > 0) {
        const opened = open.pop()!;
        if (at - opened.at > MAX_LABEL_SPAN) far.push(opened);
      }
    }
    at++;
  }
  for (const opened of open) if (at - opened.at > MAX_LABEL_SPAN) far.push(opened);
  if (far.length === 0) return;
  if (!warnings.some((w) => w.includes("not closed within"))) {
    warnings.push(`line ${(far[0]?.line ?? from) + 1}: a \`[\` not closed within ${MAX_LABEL_SPAN} characters was read as plain text`);
  }
  for (const { line, column } of far) {
    const text = lines[line] as string;
    lines[line] = `${text.slice(0, column)}\uFF3B${text.slice(column + 1)}`;
  }
}

function countMarks(line: string): { marks: number; brackets: number } {
  let marks = 0;
  let brackets = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 42 || c === 95) marks++;
    else if (c === 91 || c === 93) brackets++;
  }
  return { marks, brackets };
}

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}
