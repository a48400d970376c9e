/**
 * Next steps that say nothing is left to do ("The primary goal … is now complete with the merging of
 * these two PRs"): they count as no next steps, as `N/A` does. A small list of phrasings, kept
 * conservative: a text that also names anything still to come is read as next steps.
 */
const NOTHING_LEFT: RegExp[] = [
  // "… is now complete", "… has been merged", "… were fully implemented"
  /\b(is|are|was|were|has been|have been)\s+(now\s+|already\s+|fully\s+)?(complete|completed|done|finished|fully implemented|implemented and merged|merged|resolved|achieved)\b/i,
  /\bnothing\s+(left|else|more|further|remaining)\b/i,
  /\bno\s+(further|more|open|additional|remaining)\s+(next\s+)?(steps?|work|actions?|tasks?|follow[- ]?ups?)\b/i,
  /^(done|completed?|finished|all done|none needed|not needed|not required)[.!]?$/i,
];

/** Words that point at something still to come: their presence keeps the text as next steps. */
const STILL_OPEN =
  /\b(but|except|however|still|remain(s|ing)?|once|after|until|will|shall|should|must|need(s|ed)?|todo|to-do|to be|pending|open questions?|planned|plan|wait(ing)?|tbd|later|yet|follow[- ]?up with|next)\b/i;

/** Longer texts are descriptions of work, not a one-line "it is done". */
const MAX_LENGTH = 300;

export function saysNothingLeft(text: string): boolean {
  const plain = text.replace(/[*_`>#]/g, "").replace(/\s+/g, " ").trim();
  if (plain.length === 0 || plain.length > MAX_LENGTH) return false;
  if (sentenceCount(plain) > 2) return false;
  // "no further steps" names steps to deny them; the other patterns must not meet a word of future work.
  const denial = NOTHING_LEFT[1]!.test(plain) || NOTHING_LEFT[2]!.test(plain);
  if (!denial && STILL_OPEN.test(plain)) return false;
  if (denial && /\b(but|except|however|until|once)\b/i.test(plain)) return false;
  return NOTHING_LEFT.some((pattern) => pattern.test(plain));
}

function sentenceCount(text: string): number {
  return text.split(/[.!?](\s|$)/).filter((part) => part && part.trim().length > 2).length;
}
