import type { DocumentFacts } from "../reading/document-facts.js";
import { DECLARED_STATUS_LABELS } from "../reading/find-board-topics.js";
import {
  clip, isApiReference, isBlogPost, isEventIndex, isFaq, isMeetingNotes, isMovedStub, isReleaseNotes,
  isTemplate, namesEvent, namesEventWrapUp, type Detector, type Seen,
} from "./document-kinds.js";
import type { DeclaredStatus, DocumentKind, FieldName, SameAs, Topic } from "../wrapup/types.js";

/** Which of the rules below decided; `never` and `meeting-notes` are the kinds that never are wrap-ups. */
export type ClassificationRule = "never" | "meeting-notes" | "board" | "fields" | "retelling" | "index" | "title" | "sections";

export interface Classification {
  kind: DocumentKind;
  /** One line a maintainer can check: the decision and the evidence it rests on. */
  why: string;
  /** The rule that decided: what later steps weigh, never the words of `why`. */
  rule: ClassificationRule;
}

/** Fields that make a section a wrap-up topic (tracking and issue links are not about the work's story). */
const WRAP_UP_FIELDS: Array<[FieldName, string]> = [
  ["problem", "problem statement"],
  ["motivation", "motivation"],
  ["achievements", "achievements"],
  ["outcome", "outcome"],
  ["nextSteps", "next steps"],
  ["code", "code"],
];

/** Checked first: what these read like is never a wrap-up, whatever fields or links it holds. */
const NEVER_WRAP_UPS: Detector[] = [isTemplate, isMovedStub, isMeetingNotes, isReleaseNotes, isFaq, isApiReference];

/**
 * Wrap-up, retelling, or not a wrap-up, as a careful reader would decide, with the reason. Pure.
 * The rule, in order: kinds that never are (templates, moved stubs, meeting notes, release notes and
 * changelogs, FAQs, API references); a topic board that names an event; topics that mostly carry
 * wrap-up fields; a blog post or page retelling an event (its sections link to the wrap-up's headings);
 * an index of events; a title naming an event wrap-up (the early, field-less format).
 */
export function classifyWrapUp(
  wrapUp: { title: string | null; topics: Topic[] },
  facts: DocumentFacts,
  /** Per topic, its links to headings of event pages (`retoldHeadings`). */
  retold: SameAs[][] = [],
): Classification {
  const { title, topics } = wrapUp;
  // A wrap-up topic tells its story in three or more fields; two are enough where the page names its event.
  const needed = namesEvent({ title, facts, topics, fielded: 0 }) ? 2 : 3;
  const fielded = topics.filter((t) => wrapUpFieldsOf(t).length >= needed);
  const seen: Seen = { title, facts, topics, fielded: fielded.length };
  for (const detect of NEVER_WRAP_UPS) {
    const what = detect(seen);
    if (what) return not(`reads like ${what}; ${describeSections(seen)}`, detect === isMeetingNotes ? "meeting-notes" : "never");
  }
  if (topics.some((t) => t.declaredStatus)) return classifyBoard(seen);
  if (isMostlyFielded(seen)) {
    return wrapUp_(`${topics.length} topic${topics.length === 1 ? "" : "s"}, ${fielded.length} with wrap-up fields (${fieldList(fielded)})`, "fields");
  }
  const retelling = describeRetelling(seen, retold.filter((links) => links.length > 0).length);
  if (retelling) return { kind: "retelling", why: `retelling: ${retelling}`, rule: "retelling" };
  const index = isEventIndex(seen);
  if (index) return not(`${index}; ${describeSections(seen)}`, "index");
  if (namesEventWrapUp(seen) && !isBlogPost(facts)) {
    // An event's page written before its topics ("TODO: results to be added") is still that event's wrap-up.
    if (topics.length === 0) return wrapUp_(`${titleNamesWrapUp(title)}; no topics yet`, "title");
    return wrapUp_(`${titleNamesWrapUp(title)}; ${topics.length} topic${topics.length === 1 ? "" : "s"} written as prose, without wrap-up fields`, "title");
  }
  return not(`${describeSections(seen)}${title ? `; title${quote(title)}` : ""}`, "sections");
}

/** The wrap-up fields a topic has, present even if left empty (a template section still shows the format). */
export function wrapUpFieldsOf(topic: Topic): FieldName[] {
  return WRAP_UP_FIELDS.map(([field]) => field).filter((field) => field in topic.fields);
}

function isMostlyFielded(seen: Seen): boolean {
  const { topics, fielded, facts } = seen;
  // A blog post is a wrap-up only when it names its event: posts about other things use "Motivation" too.
  if (isBlogPost(facts) && !namesEvent(seen)) return false;
  if (fielded >= 2) return fielded * 2 >= topics.length;
  // A one-topic event still names itself.
  return fielded === 1 && topics.length === 1 && namesEvent(seen);
}

function classifyBoard(seen: Seen): Classification {
  const marked = seen.topics.filter((t) => t.declaredStatus);
  const counts = new Map<DeclaredStatus, number>();
  for (const t of marked) counts.set(t.declaredStatus!, (counts.get(t.declaredStatus!) ?? 0) + 1);
  const tally = [...counts].map(([status, n]) => `${n} ${DECLARED_STATUS_LABELS[status]}`).join(", ");
  const voted = seen.topics.some((t) => /\(\d+ votes?\)/i.test(t.heading)) || seen.facts.headings.some((h) => /\bvot(es?|ing)|\btopics\b|\bassignment/i.test(h));
  if (namesEvent(seen) || voted) return wrapUp_(`a topic board: ${marked.length} topics marked with a status (${tally})`, "board");
  return not(`a status list (${tally}) that names no event and holds no votes`, "board");
}

/** Sections that link to the headings of an event page (or a blog post about an event): a retelling. */
function describeRetelling(seen: Seen, retold: number): string | null {
  const { facts, topics } = seen;
  const event = namesEvent(seen);
  const blog = isBlogPost(facts);
  if (!event && !blog) return null;
  const what = blog ? "a blog post" : "a page";
  const about = event ? ` about${quote(seen.title ?? facts.frontMatter.title)}` : "";
  if (retold > 0) {
    return `${what}${about}; ${retold} of its ${topics.length} sections ${retold === 1 ? "links" : "link"} to the wrap-up's headings`;
  }
  return blog && event ? `${what}${about}; a blog post about an event is never tracked on its own` : null;
}

function describeSections({ facts, fielded }: Seen): string {
  const n = facts.headings.length;
  if (n === 0) return "no sections";
  return `${n} section${n === 1 ? "" : "s"}, ${fielded === 0 ? "none" : fielded} with wrap-up fields`;
}

function fieldList(topics: Topic[]): string {
  const present = new Set(topics.flatMap(wrapUpFieldsOf));
  return WRAP_UP_FIELDS.filter(([field]) => present.has(field)).map(([, name]) => name).join(", ");
}

function quote(title: string | null | undefined): string {
  return title ? ` "${clip(title)}"` : "";
}

/** `title "Hack The Garden 11/2021 Wrap Up" names an event wrap-up`: the title rule's evidence. */
export function titleNamesWrapUp(title: string | null): string {
  return `title${quote(title)} names an event wrap-up`;
}

function not(reason: string, rule: ClassificationRule): Classification {
  return { kind: "not-a-wrap-up", why: `not a wrap-up: ${reason}`, rule };
}

function wrapUp_(reason: string, rule: ClassificationRule): Classification {
  return { kind: "wrap-up", why: `wrap-up: ${reason}`, rule };
}
