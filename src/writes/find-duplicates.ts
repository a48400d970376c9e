/**
 * Duplicates among our own items, by key: the oldest of each group is kept, the others are extra.
 * Pure. Keys: a follow-up's topic key (two open follow-ups for one topic), or a comment's whole
 * marker (two status comments on one PR, two reminders of one sweep, two replies to one command).
 */
export interface DuplicateGroup<T> {
  key: string;
  keep: T;
  extra: T[];
}

/** `age` orders items oldest first (creation time, then number or id); items without a key are never grouped. */
export function findDuplicates<T>(items: readonly T[], keyOf: (item: T) => string | null, age: (item: T) => [string, number]): DuplicateGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  const older = (a: T, b: T) => {
    const [ta, na] = age(a);
    const [tb, nb] = age(b);
    return ta === tb ? na - nb : ta < tb ? -1 : 1;
  };
  return [...groups]
    .filter(([, group]) => group.length > 1)
    .map(([key, group]) => {
      const [keep, ...extra] = [...group].sort(older);
      return { key, keep: keep!, extra };
    });
}
