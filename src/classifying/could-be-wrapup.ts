import { EVENT } from "./document-kinds.js";
import { matchFieldName } from "../reading/field-names.js";
import type { WrapUp } from "../wrapup/types.js";

/** A label stands near a line's start: only this much of each line is looked at. */
export const LABEL_LOOK_AHEAD = 120;
/** Line breaks as `^`/`$` of a multiline regex see them. */
const LINE_BREAK = /[\n\r\u2028\u2029]/;
/** Markers before a label (`> `, `### `, `- `, `**`); skipped by a loop, not by a regex, so a run of them costs one pass. */
const MARKERS = new Set([" ", "\t", ">", "#", "*", "_", "+", "-"]);
/**
 * What may follow the markers, on a line cut to LABEL_LOOK_AHEAD characters: `1. `, `**`, a few emoji or
 * symbols, then the label (a letter, then letters, spaces and `/&'’+-`), then `**` and `:` or the line's end.
 * Every quantifier is bounded and none two touch the same characters unbounded, so it cannot backtrack far.
 */
const LABEL = /^(?:\d{1,9}\.[ \t]{0,9})?(?:\*\*|__)?[ \t]{0,9}(?:[^\p{L}\p{N}\n]{0,8}?[ \t]{0,9})?(\p{L}[\p{L} \t/&'’+-]{0,40})(?:\*\*|__)?[ \t]{0,9}(?::|$)/u;
/** An event named anywhere (titles, front matter, prose): hackathons, hack days, Hack The Garden, wrap-ups. */
const EVENT_WORDS = new RegExp(`${EVENT.source}|\\bwrap[\\s_-]*ups?\\b`, "iu");
/** A list item marked with a topic board's status. */
const STATUS_ITEM = /^[ \t]*[-*+][ \t]+(?:✅|🚧|⏸|🙅)/mu;

/**
 * Cheap test, before the markdown parse: a wrap-up has a field label on a line of its own, names its
 * event, or marks list items with a board status. Text with none of these cannot be one. Linear in the
 * text: each line is looked at once, and only its first LABEL_LOOK_AHEAD characters after the markers.
 */
export function couldBeWrapUp(text: string): boolean {
  if (EVENT_WORDS.test(text) || STATUS_ITEM.test(text)) return true;
  for (const line of text.split(LINE_BREAK)) {
    if (startsWithLabel(line)) return true;
  }
  return false;
}

/** `**Next Steps:**`, `### Achievements`, `> **Tracking:**`, `Problem Statement:` at the start of a line. */
export function startsWithLabel(line: string): boolean {
  let start = 0;
  while (start < line.length && MARKERS.has(line[start] as string)) start++;
  const label = LABEL.exec(line.slice(start, start + LABEL_LOOK_AHEAD))?.[1];
  // A label cut by the look-ahead is no label: its `:` or line end was not seen.
  return !!label && !!matchFieldName(label);
}

/** The model of a file decided on without parsing it. */
export function skippedWrapUp(path: string): WrapUp {
  return {
    path,
    title: null,
    date: null,
    topics: [],
    warnings: [],
    kind: "not-a-wrap-up",
    why: "not a wrap-up: names no wrap-up field, no event and no board status (ruled out before parsing)",
  };
}
