import type { Config } from "../config/schema.js";
import type { ReadingOptions } from "../wrapup/types.js";

/** What the readers take from the configuration: `wrapups.eventWords` and `wrapups.fields`. */
export function readingOptionsOf(config: Partial<Pick<Config, "wrapups">> | null | undefined): ReadingOptions {
  const wrapups = config?.wrapups;
  if (!wrapups) return {};
  const fields = Object.fromEntries(Object.entries(wrapups.fields).filter(([, names]) => names && names.length > 0));
  return {
    ...(wrapups.eventWords.length > 0 ? { eventWords: wrapups.eventWords } : {}),
    ...(Object.keys(fields).length > 0 ? { fields } : {}),
  };
}
