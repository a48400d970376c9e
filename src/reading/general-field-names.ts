import { fieldKey, matchFieldName } from "./field-names.js";
import type { FieldName } from "../wrapup/types.js";

/** Field names other communities use, read by the general dialect only (the Gardener one keeps its own). */
const GENERAL_SYNONYMS: Partial<Record<FieldName, string[]>> = {
  nextSteps: [
    "what's next", "whats next", "what is next", "what comes next", "post-summit", "post summit", "post-event",
    "after the event", "after the sprint", "outlook", "next actions", "action items", "open questions", "open issues",
    "to-dos", "future plans", "future directions", "remaining", "still to do", "ausblick", "nächste schritte",
    "offene punkte", "weiteres vorgehen", "to do list", "todo list",
  ],
  achievements: [
    "done", "what we did", "what was done", "accomplishments", "accomplished", "progress", "highlights", "ergebnisse",
    "erreicht", "was wir erreicht haben",
  ],
  outcome: ["decisions", "decided", "findings", "result", "ergebnis", "entscheidungen"],
};

/** Configured names (`wrapups.fields`), compiled per document reading: plain keys, never patterns. */
export type ExtraFieldNames = Partial<Record<FieldName, readonly string[]>>;

const BUILT_IN = keyMap(GENERAL_SYNONYMS);

/** The field a heading or lead-in names in the general dialect: the app's names, then others', then configured. */
export function matchGeneralFieldName(name: string, configured?: Map<string, FieldName>): FieldName | null {
  const known = matchFieldName(name);
  if (known) return known;
  const key = fieldKey(name);
  if (!key || key.length > 40) return null;
  return BUILT_IN.get(key) ?? configured?.get(key) ?? null;
}

/** Configured names to the map `matchGeneralFieldName` takes. */
export function keyMap(names: ExtraFieldNames | undefined): Map<string, FieldName> {
  const map = new Map<string, FieldName>();
  for (const [field, list] of Object.entries(names ?? {})) {
    for (const name of list ?? []) {
      const key = fieldKey(name);
      if (key && key.length <= 40) map.set(key, field as FieldName);
    }
  }
  return map;
}
