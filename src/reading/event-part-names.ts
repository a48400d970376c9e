/**
 * Sections about the event itself rather than a piece of work ("Preparation", "Conclusion",
 * "Votings"): never a free-form topic, however long. A title matches when it starts with one of
 * these (words compared in lower case, emoji and punctuation ignored) and adds at most two words.
 */
const EVENT_PARTS = [
  "preparation", "conclusion", "conclusions", "summary", "introduction", "intro", "overview", "agenda", "schedule",
  "votings", "voting", "votes", "participants", "attendees", "location", "venue", "group picture", "group photo",
  "photos", "pictures", "impressions", "thanks", "thank you", "acknowledgements", "acknowledgments", "organisation",
  "organization", "logistics", "table of contents", "contents", "retrospective", "feedback", "links", "resources",
  "references", "next hackathon", "upcoming", "about", "what to expect", "closing words", "outlook", "fast tracks",
  "topics", "all proposals", "proposals", "discussion topics",
].map(words);

export function isEventPartName(title: string): boolean {
  const said = words(title);
  return EVENT_PARTS.some((part) => said.length <= part.length + 2 && part.every((word, i) => said[i] === word));
}

function words(text: string): string[] {
  return text.toLowerCase().normalize("NFKD").match(/[\p{L}\p{N}]+/gu) ?? [];
}
