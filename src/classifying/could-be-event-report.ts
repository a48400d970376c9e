import { findEventName } from "../reading/event-words.js";

/** Where a page names itself: its path, and its first lines (front matter and `#` title). */
const HEAD_LENGTH = 1500;

/**
 * Cheap test, before the markdown parse, for the general dialect: the path or the head of the text
 * (front matter, title) names an event — a sprint, summit, hack week, unconference — or a configured word.
 */
export function couldBeEventReport(text: string, path: string, eventWords: readonly string[] = []): boolean {
  return findEventName(path, eventWords) !== null || findEventName(text.slice(0, HEAD_LENGTH), eventWords) !== null;
}
