import { EVENT } from "./document-kinds.js";
import { matchFieldName } from "../reading/field-names.js";
import type { WrapUp } from "../wrapup/types.js";

/** A line that opens with a label: `**Next Steps:**`, `### Achievements`, `> **Tracking:**`, `Problem Statement:`. */
const LABEL_LINE = /^[ \t>#*_+-]*(?:\d+\.[ \t]*)?(?:\*\*|__)?[ \t]*(?:[^\p{L}\p{N}\n]{0,8}[ \t]*)?([\p{L}][\p{L} \t/&'’+-]{0,40}?)[ \t]*(?:\*\*|__)?[ \t]*(?::|$)/gmu;
/** An event named anywhere (titles, front matter, prose): hackathons, hack days, Hack The Garden, wrap-ups. */
const EVENT_WORDS = new RegExp(`${EVENT.source}|\\bwrap[\\s_-]*ups?\\b`, "iu");
/** A list item marked with a topic board's status. */
const STATUS_ITEM = /^[ \t]*[-*+][ \t]+(?:✅|🚧|⏸|🙅)/mu;

/**
 * Cheap test, before the markdown parse: a wrap-up has a field label on a line of its own, names its
 * event, or marks list items with a board status. Text with none of these cannot be one.
 */
export function couldBeWrapUp(text: string): boolean {
  if (EVENT_WORDS.test(text) || STATUS_ITEM.test(text)) return true;
  for (const match of text.matchAll(LABEL_LINE)) {
    if (matchFieldName(match[1] ?? "")) return true;
  }
  return false;
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
