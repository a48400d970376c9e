import { repairMojibake } from "./repair-mojibake.js";

/** Emoji and the invisible joiners/selectors/skin tones that build them. */
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}\u{1F3FB}-\u{1F3FF}\u200D\uFE0E\uFE0F\u20E3]/gu;

/**
 * A heading's text as a person would say it: mis-decoded emoji repaired, then emoji,
 * markdown syntax (emphasis, backticks, link brackets) and extra spaces removed.
 * Expects text without link URLs (`mdast-util-to-string` output) or a plain line.
 */
export function plainTitle(text: string): string {
  return repairMojibake(text)
    .replace(EMOJI, "")
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_~]+/g, "")
    .replace(/^#+\s+/, "")
    .replace(/\s+/g, " ")
    .trim();
}
