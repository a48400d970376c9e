/**
 * "Whose title matches it closely": two topic titles name the same work when their significant
 * words overlap by at least three quarters (Jaccard), after dropping emoji, punctuation, filler
 * words and the words people add to a continued topic ("part 2", "continued"). Pure.
 */

/** Share of common words (of all words of both) from which two titles match. */
export const TITLE_MATCH_RATIO = 0.75;

const FILLER = new Set(["a", "an", "the", "of", "for", "in", "on", "to", "and", "with", "via", "by", "from", "at", "is", "as", "our", "into"]);
/** Words that mark a continuation rather than name the work. */
const CONTINUATION = new Set(["continued", "cont", "part", "again", "ii", "iii", "iv", "2", "3", "4", "followup", "revisited"]);

export function titleWords(title: string): Set<string> {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    // One letter is left over from `CloudProfile`s and the like: never a word of its own.
    .filter((word) => word.length > 1 && !FILLER.has(word) && !CONTINUATION.has(word))
    // Plural and singular name the same thing: `CloudProfiles` and `CloudProfile`.
    .map((word) => (word.length > 3 && word.endsWith("s") ? word.slice(0, -1) : word));
  return new Set(words);
}

/** Jaccard overlap of the significant words, 0 when either title has none. */
export function titleSimilarity(a: string, b: string): number {
  const [left, right] = [titleWords(a), titleWords(b)];
  if (left.size === 0 || right.size === 0) return 0;
  let common = 0;
  for (const word of left) if (right.has(word)) common += 1;
  return common / (left.size + right.size - common);
}

/**
 * Close enough to be the same topic. A title of one significant word ("Conclusion", "Docs") says
 * too little to tie two events together, so both need at least two.
 */
export function titlesMatch(a: string, b: string): boolean {
  if (titleWords(a).size < 2 || titleWords(b).size < 2) return false;
  return titleSimilarity(a, b) >= TITLE_MATCH_RATIO;
}
