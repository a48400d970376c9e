/**
 * The known key a misspelt one most likely meant (`enable` → `enabled`, `staleafterdays` →
 * `staleAfterDays`), or null when none is close. Close: same letters ignoring case, or at most two
 * edits for keys longer than four characters.
 */
export function suggestKey(unknown: string, known: readonly string[]): string | null {
  const wanted = unknown.toLowerCase();
  let best: { key: string; distance: number } | null = null;
  for (const key of known) {
    // The distance is at least the difference in length: a 100 KB key is never compared letter by letter.
    if (Math.abs(wanted.length - key.length) > 2) continue;
    const distance = editDistance(wanted, key.toLowerCase());
    if (!best || distance < best.distance) best = { key, distance };
  }
  if (!best) return null;
  const allowed = wanted.length > 4 ? 2 : 1;
  return best.distance <= allowed ? best.key : null;
}

/** Levenshtein distance; keys are short, so the plain two-row table is plenty. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
