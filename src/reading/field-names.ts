import type { FieldName } from "../wrapup/types.js";

/** A field name is short: only this much of a text is made into a key (Unicode normalisation costs ~1 ms a KB). */
export const KEY_LOOK_AHEAD = 1_000;

/**
 * Field names as people write them, reduced by `fieldKey` (letters and digits only, lower case),
 * so `**Code/Pull Requests:**`, `### Code & Pull Requests` and `🎯 Next steps` all match.
 */
const SYNONYMS: Record<FieldName, string[]> = {
  problem: ["problem statement", "problem", "problems", "the problem"],
  motivation: [
    "motivation/benefits", "motivation & benefits", "motivation and benefits", "motivation", "benefits",
    "benefit", "motivation/benefit",
  ],
  achievements: ["achievements", "achievement", "achieved", "results", "what we achieved"],
  outcome: ["outcome", "outcomes"],
  nextSteps: [
    "next steps", "next step", "follow-up", "follow-ups", "follow up", "followup", "next", "what is left", "what's left",
    "left to do", "open points", "remaining work", "future work", "todo", "todos", "to do",
  ],
  code: [
    "code/pull requests", "code & pull requests", "code and pull requests", "code/prs", "code & prs",
    "pull requests", "pull request", "prs", "pr", "code",
  ],
  issue: ["issue", "issues", "github issue", "github issues"],
  tracking: ["tracking", "tracking issue", "tracked in", "tracked by"],
};

const BY_KEY = new Map<string, FieldName>(
  Object.entries(SYNONYMS).flatMap(([field, names]) => names.map((name) => [fieldKey(name), field as FieldName] as const)),
);

/** Letters and digits only, lower case: emoji, punctuation, spaces and case do not matter. Reads KEY_LOOK_AHEAD characters. */
export function fieldKey(name: string): string {
  return name
    .slice(0, KEY_LOOK_AHEAD)
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** The field a lead-in or sub-heading names, or null when it names none. */
export function matchFieldName(name: string): FieldName | null {
  const key = fieldKey(name);
  if (!key || key.length > 40) return null;
  return BY_KEY.get(key) ?? null;
}

/** How each field is called in messages. */
export const FIELD_LABELS: Record<FieldName, string> = {
  problem: "Problem Statement",
  motivation: "Motivation/Benefits",
  achievements: "Achievements",
  outcome: "Outcome",
  nextSteps: "Next Steps",
  code: "Code/Pull Requests",
  issue: "Issue",
  tracking: "Tracking",
};

const NOTHING = new Set([
  "na", "none", "tbd", "tba", "tbc", "nothing", "nope", "no", "notyet", "nil", "null", "empty", "noneyet",
  "nothingyet", "notapplicable", "nonextsteps",
]);

/** True when next steps are only a placeholder: empty, `N/A`, `none`, `-`, `TBD`. */
export function isPlaceholder(text: string): boolean {
  const key = fieldKey(text);
  // Past the look-ahead, any letter or digit makes it more than a placeholder.
  if (text.length > KEY_LOOK_AHEAD && /[\p{L}\p{N}]/u.test(text.slice(KEY_LOOK_AHEAD))) return false;
  return key === "" || NOTHING.has(key);
}
