import { titleNamesWrapUp, type Classification } from "./classify-wrapup.js";
import type { EventReportWeighing } from "./weigh-event-report.js";

/** Meeting words that keep a page meeting notes even when its title names an event. */
const MEETING_TITLE = /\b(?:meetings?|reviews?|agenda|office[\s-]hours|calls?|stand[\s-]?ups?|retro(?:spective)?s?|syncs?)\b/i;

export interface EventReportDecision extends Omit<Classification, "rule"> {
  /** True when the general reader's topics are the page's topics. */
  general: boolean;
}

/**
 * The Gardener decision, then the event-report evidence, joined. Gardener wrap-ups and retellings
 * that link a wrap-up's headings stand. An announcement is never a wrap-up nor a retelling. Pages the
 * Gardener rules call templates, stubs, release notes, FAQs or API references stay that; meeting notes
 * too, unless the title names an event and no meeting (`DebCamp 2025 session minutes`). Otherwise an
 * event report by evidence is a wrap-up read with the general reader. Pure.
 */
export function decideEventReport(
  gardener: Classification,
  retoldSections: number,
  weighing: EventReportWeighing,
  title: string | null,
  /** Topics the Gardener reader found. */
  gardenerTopics: number,
): EventReportDecision {
  const keep = { ...gardener, general: false };
  // A flat outcome list: its bullets are the topics.
  if (isTakenByTitleOnly(gardener, gardenerTopics) && weighing.verdict === "report") {
    return { kind: "wrap-up", why: `wrap-up: ${titleNamesWrapUp(title)}; ${topicsText(weighing)} (general reader)`, general: true };
  }
  if (gardener.kind === "wrap-up") return keep;
  if (gardener.kind === "retelling" && retoldSections > 0) return keep;
  if (weighing.verdict === "announcement") {
    const said = weighing.evidence.find((e) => e.rule === "announcement")?.text ?? "an announcement";
    return { kind: "not-a-wrap-up", why: `not a wrap-up: ${said} (of "${weighing.event}"), neither a wrap-up nor a retelling`, general: false };
  }
  if (weighing.verdict !== "report") return gardener.kind === "retelling" ? weighRetelling(gardener, weighing) : keep;
  // Meeting notes by a word of the page's (a `reviews/` folder, a label) give way when the title names no meeting.
  const meetingOnly = gardener.rule === "meeting-notes" && !MEETING_TITLE.test(title ?? "");
  if ((gardener.rule === "never" || gardener.rule === "meeting-notes") && !meetingOnly) return keep;
  return { kind: "wrap-up", why: `wrap-up: an event report of "${weighing.event}"; ${topicsText(weighing)}`, general: true };
}

/**
 * A wrap-up the Gardener rules take by its title with one prose topic at most: it may be a flat
 * outcome list (`Hack Days 2026 — outcomes`) whose bullets are its topics.
 */
export function isTakenByTitleOnly(gardener: Classification, gardenerTopics: number): boolean {
  return gardener.rule === "title" && gardenerTopics <= 1;
}

/**
 * A blog post the Gardener rules call a retelling for naming an event: it stays one only when its title
 * names the event and nothing says it is another kind of page (a newsletter's "hack week edition", a
 * post tagged `hackathon` about something else).
 */
function weighRetelling(gardener: Classification, weighing: EventReportWeighing): EventReportDecision {
  const titled = weighing.evidence.some((e) => e.rule === "event" && e.says === "for" && e.text.startsWith("title "));
  const other = weighing.evidence.find((e) => (e.rule === "page-kind" || e.rule === "agile-sprint") && e.says === "against");
  if (titled && !other) return { ...gardener, general: false };
  const said = other?.text ?? "its title names no event";
  return { kind: "not-a-wrap-up", why: `not a wrap-up: a blog post, not about an event's work: ${said}`, general: false };
}

function topicsText(weighing: EventReportWeighing): string {
  return weighing.evidence.find((e) => e.rule === "topics")?.text ?? "";
}
