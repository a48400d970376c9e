import type { FieldMark } from "./find-fields.js";
import type { Segment, TopicFrame } from "./topic-frame.js";
import { firstAtOrAfter } from "./count-between.js";

/** Bounds that keep hostile pages linear: sections and pieces looked at. */
const MAX_SECTIONS = 20;
const MAX_PIECES = 200;

/** Words too common to tie a sentence to a topic. */
const STOP = new Set(["project", "projekt", "task", "room", "team", "group", "topic", "session", "with", "from", "into", "über", "mit", "und", "der", "die", "das", "for", "and", "the", "new", "more"]);
/** `Project:`, `Task 2:`, `Room A:` before a topic's own name. */
const PREFIX = /^(?:project|projekt|task|room|team|group|topic|session|raum|aufgabe)[\s\d.a-z]{0,4}:\s*/i;

/**
 * Next steps written once for the whole event (`## What's next`, `## Future work`, `## Nächste Schritte`),
 * given to the topics they name: each list item or sentence goes to every topic whose name has a word
 * in it. Replaces next steps a topic only had from "unfinished" words. Mutates `frames`' segments.
 */
export function spreadEventNextSteps(frames: TopicFrame[], marks: FieldMark[], text: string): void {
  if (frames.length === 0) return;
  const starts = frames.map((f) => f.start);
  const inFrame = (offset: number) => {
    const before = frames[firstAtOrAfter(starts, offset + 1) - 1];
    return !!before && offset < before.end;
  };
  const sections = marks.flatMap((m, i) => (m.field === "nextSteps" && !inFrame(m.markStart) ? [i] : [])).slice(0, MAX_SECTIONS);
  if (sections.length === 0) return;
  const words = frames.map((f) => titleWords(f.title));
  for (const index of sections) {
    const mark = marks[index] as FieldMark;
    const next = marks[index + 1]?.markStart ?? text.length;
    const following = frames[firstAtOrAfter(starts, mark.markStart + 1)]?.start ?? text.length;
    const end = Math.min(next, following, nextHeadingAtOrAbove(text, mark));
    for (const piece of pieces(text, mark.contentStart, end).slice(0, MAX_PIECES)) {
      const said = piece.text.toLowerCase();
      frames.forEach((frame, i) => {
        if (!words[i]!.some((w) => said.includes(w))) return;
        const kept = frame.segments.filter((s) => !(s.field === "nextSteps" && s.label === "unfinished work"));
        const segment: Segment = { field: "nextSteps", label: mark.label, line: mark.line, start: piece.start, end: piece.end };
        frame.segments = [...kept, segment];
      });
    }
  }
}

function titleWords(title: string): string[] {
  const name = title.replace(PREFIX, "").toLowerCase();
  return (name.match(/[\p{L}\p{N}][\p{L}\p{N}-]*/gu) ?? []).filter((w) => w.length >= 4 && !STOP.has(w));
}

/** A heading-mark's section ends at the next heading as shallow; a lead-in's at the next heading. */
function nextHeadingAtOrAbove(text: string, mark: FieldMark): number {
  const depth = mark.depth ?? 6;
  let at = text.indexOf("\n#", mark.contentStart);
  while (at >= 0) {
    let hashes = 0;
    while (text[at + 1 + hashes] === "#") hashes++;
    if (hashes <= depth && /\s/.test(text[at + 1 + hashes] ?? "")) return at + 1;
    at = text.indexOf("\n#", at + 1);
  }
  return text.length;
}

/** List items and sentences of a stretch of text, with their offsets. */
function pieces(text: string, start: number, end: number): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let lineStart = start;
  while (lineStart < end && out.length < MAX_PIECES) {
    const newline = text.indexOf("\n", lineStart);
    const lineEnd = newline < 0 || newline > end ? end : newline;
    const line = text.slice(lineStart, lineEnd);
    if (line.trim()) {
      // A sentence per piece: "Finish the validator. Run the survey." names two topics apart.
      let from = 0;
      for (const stop of line.matchAll(/[.!?](?:\s|$)/g)) {
        if (out.length >= MAX_PIECES) break;
        out.push({ text: line.slice(from, stop.index + 1), start: lineStart + from, end: lineStart + stop.index + 1 });
        from = stop.index + 1;
      }
      if (line.slice(from).trim()) out.push({ text: line.slice(from), start: lineStart + from, end: lineEnd });
    }
    lineStart = lineEnd + 1;
  }
  return out;
}
