/**
 * Names of community events whose reports the app reads, beyond hackathons: hack weeks and days,
 * hackfests, sprints, developer summits, unconferences, BioHackathons, CoFests, codefests, DebCamp,
 * all-hands, and their German forms. Every pattern is a plain alternation of words: linear on any input.
 */
const EVENT_NAMES = new RegExp(
  [
    String.raw`\b(?:bio)?hackathons?\b`,
    String.raw`\bhack[\s_-]*(?:weeks?|days?|fests?|nights?|sprints?|camps?)\b`,
    String.raw`\bhack[\s_-]+the[\s_-]+\p{L}+`,
    String.raw`\bcofests?\b`,
    String.raw`\bcodefests?\b`,
    String.raw`\bdebcamp\b`,
    String.raw`\bdebconf\b`,
    String.raw`\ball[\s_-]hands\b`,
    String.raw`\bun[\s_-]?conf(?:erences?)?\b`,
    String.raw`\b(?:developer|developers|dev|contributor|contributors|maintainer|maintainers|core|community|team)[\s_-]+summits?\b`,
    String.raw`\bsummits?[\s_-]+(?:report|recap|wrap[\s_-]*up|notes|outcomes?|results)\b`,
    String.raw`\b(?:code|coding|dev|developer|doc|docs|documentation|community|contributor|packaging|release|bug|translation)[\s_-]*sprints?\b`,
    String.raw`\bsprints?[\s_-]+(?:report|recap|wrap[\s_-]*up|summary|results|outcomes?)\b`,
    String.raw`\b(?:19|20)\d\d[\s_-]+sprints?\b`,
    String.raw`\bsprints?[\s_-]+(?:19|20)\d\d\b`,
    // German: Hackwoche, Hacktage, Hacktag, Entwicklertreffen, Sprintbericht.
    String.raw`\bhack[\s_-]?(?:woche|tage?)\b`,
    String.raw`\bentwickler[\s_-]?(?:treffen|gipfel)\b`,
    String.raw`\bsprint[\s_-]?bericht\b`,
  ].join("|"),
  "iu",
);

/**
 * "Sprint" in an agile team's sense (`Sprint 42 review`, `sprint planning`, a scrum board): never an event.
 * A year is no sprint number (`Sprint 2026`).
 * Checked on the same title before an event name counts.
 */
const AGILE_SPRINT = /\bsprints?[\s_-]*(?:#?\d{1,3}\b(?![\s_-]*(?:report|recap))|planning|review|retro(?:spective)?|backlog|goals?|demo|velocity|board|cadence|capacity)|\b(?:scrum|agile|jira|story[\s_-]points?)\b/iu;

/** Every event name holds one of these: a plain substring test spares most texts the pattern. */
const HINTS = [
  "hack", "sprint", "summit", "unconf", "un-conf", "un conf", "un_conf", "cofest", "codefest", "debcamp", "debconf",
  "all-hands", "all hands", "all_hands", "entwickler",
];

/** The event a text names (title, front matter, path), as written, or null. `extra` are configured words. */
export function findEventName(text: string, extra: readonly string[] = []): string | null {
  if (!text) return null;
  const bounded = text.length > 2000 ? text.slice(0, 2000) : text;
  const lower = bounded.toLowerCase();
  // Configured words are matched as plain text, never compiled: a user's word cannot make a slow pattern.
  const configured = extra.find((word) => word.trim() && lower.includes(word.trim().toLowerCase()));
  if (configured) return configured.trim();
  if (!HINTS.some((hint) => lower.includes(hint))) return null;
  const match = EVENT_NAMES.exec(bounded);
  if (!match) return null;
  if (/sprint/i.test(match[0]) && AGILE_SPRINT.test(bounded)) return null;
  return match[0];
}

/** True when the text speaks of an agile team's sprint (planning, review, numbered sprints). */
export function isAgileSprint(text: string): boolean {
  return AGILE_SPRINT.test(text.length > 2000 ? text.slice(0, 2000) : text);
}
