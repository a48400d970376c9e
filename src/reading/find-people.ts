/**
 * People of a topic: the names on a `Contributors:`-like line and every @handle in its text.
 * Lines are looked at one by one and cut at 500 characters; patterns have no nested or adjacent
 * quantifiers over the same characters.
 */
const PEOPLE_LINE = /^(?:contributors?|participants?|people|team|team members|authors?|who|attendees|mitwirkende|teilnehmende|beteiligte)[\s*_]{0,10}:[\s*_]{0,10}(.*)$/i;
const HANDLE = /(?<![\w@/.`])@([A-Za-z0-9][A-Za-z0-9-]{0,38})(?![\w/])/g;
const MAX_PEOPLE = 30;

export function findPeople(text: string): string[] {
  const people = new Set<string>();
  for (const raw of text.split("\n")) {
    const line = raw.length > 500 ? raw.slice(0, 500) : raw;
    const stripped = line.replace(/^[\s>*_+-]+/, "");
    const named = PEOPLE_LINE.exec(stripped)?.[1];
    if (named !== undefined) {
      for (const part of named.split(/[,;]|\band\b|\bund\b/)) {
        const name = part.replace(/[*_`[\]()]/g, "").replace(/https?:\/\/\S+/g, "").trim();
        if (name && name.length <= 60 && !name.startsWith("@")) people.add(name);
      }
    }
    for (const match of line.matchAll(HANDLE)) people.add(`@${match[1]}`);
    if (people.size >= MAX_PEOPLE) break;
  }
  return [...people].slice(0, MAX_PEOPLE);
}
