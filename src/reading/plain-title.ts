import { repairMojibake } from "./repair-mojibake.js";

/** Emoji and the invisible joiners/selectors/skin tones that build them. */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;

/** Titles are short: only this much of a heading is read (its regexes then cost the same on a 160 KB heading). */
export const TITLE_LOOK_AHEAD = 1_000;

/**
 * A heading's text as a person would say it: mis-decoded emoji repaired, then emoji,
 * markdown syntax (emphasis, backticks, link brackets) and extra spaces removed.
 * Expects text without link URLs (`mdast-util-to-string` output) or a plain line. Reads the first
 * TITLE_LOOK_AHEAD characters only.
 */
export function plainTitle(text: string): string {
  return repairMojibake(text.slice(0, TITLE_LOOK_AHEAD))
    .replace(EMOJI, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_~]+/g, "")
    .replace(/^#+\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}
