import type { DocumentFacts } from "../reading/document-facts.js";
import { findEventName, isAgileSprint } from "../reading/event-words.js";
import { readDateLine } from "../reading/read-date-line.js";
import { isWorkItem } from "../wrapup/link-key.js";
import type { Topic } from "../wrapup/types.js";
import { clip } from "./document-kinds.js";

/** One piece of evidence for or against a page being an event report, and the key that would change it. */
export interface Evidence {
  rule: "event" | "agile-sprint" | "page-kind" | "announcement" | "topics" | "outcomes";
  says: "for" | "against";
  text: string;
  /** The `.github/wrapup-tracker.yml` key (or file edit) that would change this evidence. */
  change?: string;
}

export interface EventReportWeighing {
  verdict: "report" | "announcement" | "not";
  /** The event the page names, as written. */
  event: string | null;
  evidence: Evidence[];
}

export interface EventReportInput {
  title: string | null;
  facts: DocumentFacts;
  /** The document's text (only its first 30,000 characters are read for words). */
  text: string;
  /** Topics as the general reader found them. */
  topics: Topic[];
  /** `wrapups.eventWords`. */
  eventWords: readonly string[];
}

/** Titles of pages that are never an event's report, whatever else the title says. */
const NEVER_A_REPORT_TITLE = /\b(?:how[\s-]to|guide|guidelines|handbook|playbook|faq|newsletter|digest|this[\s-](?:week|month)[\s-]in|rfc|kep|enhancement[\s-]proposal|charter|governance|code[\s-]of[\s-]conduct|template|registration|call[\s-]for)\b/iu;
/** Titles of pages about an event that are no report, unless the title also calls the page a report. */
const NOT_A_REPORT_TITLE = /\b(?:checklist|organi[sz](?:e|ing|ation)|planning|plans?|ideas?|proposals?|proposed|suggestions?|rules|schedule|agenda|timetable|weekly|monthly|edition|roadmap|talks?|keynote|webinar|podcast|sponsors?|venue|travel)\b/iu;
/** Invitation words: a page written before its event. */
const INVITATION = /\bsign[\s-]?up\b|\bregist(?:er|ration)\b|\bcall[\s-]for[\s-](?:topics|participation|participants|proposals|papers|projects|ideas|contributions)\b|\b(?:is|are)[\s-]coming\b|\bsave[\s-]the[\s-]date\b|\bjoin[\s-]us\b|\bwill[\s-]take[\s-]place\b|\bwill[\s-]be[\s-]held\b|\bapply[\s-]now\b|\brsvp\b|\bcfp\b|\bsubmit[\s-]your\b|\bpropose[\s-]a[\s-]topic\b|\bwe[\s-]invite\b|\byou[\s-]are[\s-]invited\b|\banmeld(?:ung|en)\b|\bjetzt[\s-]anmelden\b|\bfindet[\s-]statt\b/giu;
/** Words that say work was done (or is on its way): a report's language. */
const OUTCOME = /\b(?:merged|fixed|implemented|finished|completed|accomplished|achieved|released|landed|shipped|prototyped|refactored|added|wrote|built|created|improved|updated|ported|migrated|reworked|rewrote|documented|tested|demoed|discussed|worked[\s-]on|we[\s-](?:did|made|started|discussed|decided|managed)|opened|submitted|reviewed|wip|draft|drafted|in[\s-]progress|results?|outcomes?|decided|decisions?|findings?|agreed|fixes|gemergt|umgesetzt|implementiert|erledigt|abgeschlossen)\b/giu;

const TEXT_LIMIT = 30_000;
/** A title that calls its page a report. */
const REPORT_TITLE = /\b(?:reports?|recap|wrap[\s-]?ups?|outcomes?|results|summary|retrospective|notes|what[\s-]we[\s-](?:did|built|made)|highlights|rückblick|bericht|ergebnisse)\b/iu;
/** `<Event>`, `{{ title }}`, `[Project name]`: a template's title. */
const PLACEHOLDER = /<[A-Za-z][\w ]{0,30}>|\{\{|\[(?:project|event|topic|team)[\w ]{0,20}\]/i;
const TEMPLATE_PATH = /template/i;

/**
 * Is this page an event report? Evidence, not names: an event named in the title, front matter or path,
 * and two or more topic sections with work links (or three with outcome words, one linked), in a page
 * written in a report's words. A page with invitation words, or dated before its event's last day, is
 * an announcement. Pure.
 */
export function weighEventReport(input: EventReportInput): EventReportWeighing {
  const { title, facts, topics, eventWords } = input;
  const evidence: Evidence[] = [];
  const titles = [title, facts.frontMatter.title].filter((t): t is string => !!t);
  const event = nameEvent(titles, facts, eventWords, evidence);
  // Folder names and tags are hints, not verdicts: a page named only by them must call itself a report.
  const byHintOnly = event !== null && evidence.some((e) => e.rule === "event" && !e.text.startsWith("title "));
  if (byHintOnly && !titles.some((t) => REPORT_TITLE.test(t))) {
    evidence.push({ rule: "page-kind", says: "against", text: "only the path or a tag names an event, and the title does not call the page a report, recap or outcome", change: "wrapups.eventWords (a word of its title)" });
  }
  if (titles.some(isAgileSprint)) {
    evidence.push({ rule: "agile-sprint", says: "against", text: "the title speaks of an agile team's sprint (numbered, planning, review, retro)" });
  }
  const kind = titles.map((t) => NEVER_A_REPORT_TITLE.exec(t)?.[0] ?? (REPORT_TITLE.test(t) ? undefined : NOT_A_REPORT_TITLE.exec(t)?.[0])).find((w) => !!w);
  if (kind) evidence.push({ rule: "page-kind", says: "against", text: `the title says "${kind}": a page about the event, not its report` });
  if (titles.some((t) => PLACEHOLDER.test(t)) || TEMPLATE_PATH.test(facts.path)) {
    evidence.push({ rule: "page-kind", says: "against", text: "a template: placeholders in the title or \"template\" in the path" });
  }
  const head = input.text.length > TEXT_LIMIT ? input.text.slice(0, TEXT_LIMIT) : input.text;
  const outcomes = head.match(OUTCOME)?.length ?? 0;
  const announced = weighAnnouncement(titles, head, outcomes, facts.frontMatter.date);
  if (announced) evidence.push({ rule: "announcement", says: "against", text: announced });
  weighTopics(topics, evidence);
  evidence.push(
    outcomes >= 2
      ? { rule: "outcomes", says: "for", text: `${outcomes} words of work done or under way (merged, fixed, WIP, results…)` }
      : { rule: "outcomes", says: "against", text: `${outcomes} words of work done (merged, fixed, implemented, WIP…); a report has two or more` },
  );
  const against = evidence.filter((e) => e.says === "against");
  const verdict = event && announced ? "announcement" : event && against.length === 0 ? "report" : "not";
  return { verdict, event, evidence };
}

function nameEvent(titles: string[], facts: DocumentFacts, words: readonly string[], evidence: Evidence[]): string | null {
  const places: Array<[string, string]> = [
    ...titles.map((t): [string, string] => [`title "${clip(t)}"`, t]),
    ...(facts.frontMatter.labels ?? []).map((l): [string, string] => [`front matter "${clip(l)}"`, l]),
    [`path ${facts.path}`, facts.path],
  ];
  for (const [where, value] of places) {
    const name = findEventName(value, words);
    if (name) {
      evidence.push({ rule: "event", says: "for", text: `${where} names an event ("${clip(name, 40)}")`, change: "wrapups.eventWords" });
      return name;
    }
  }
  evidence.push({ rule: "event", says: "against", text: "no event named in the title, front matter or path", change: "wrapups.eventWords (add the event's name)" });
  return null;
}

function weighAnnouncement(titles: string[], head: string, outcomes: number, postedAt: string | undefined): string | null {
  const inTitle = titles.map((t) => t.match(INVITATION)?.[0]).find((w) => !!w);
  if (inTitle) return `an announcement: the title says "${inTitle}"`;
  const invitations = head.match(INVITATION) ?? [];
  if (invitations.length >= 2 && outcomes < invitations.length * 2) {
    return `an announcement: ${invitations.length} invitation words ("${invitations.slice(0, 3).join('", "')}") against ${outcomes} words of work done`;
  }
  const posted = postedAt?.slice(0, 10);
  // The event's own date line, not the front matter's `date:` (that is when the post was written).
  const ended = posted ? readDateLine(withoutFrontMatter(head))?.date : undefined;
  if (posted && ended && /^\d{4}-\d{2}-\d{2}$/.test(posted) && posted < ended) {
    return `an announcement: posted ${posted}, before the event's last day ${ended}`;
  }
  return null;
}

function withoutFrontMatter(text: string): string {
  if (!text.startsWith("---")) return text;
  const end = text.indexOf("\n---", 3);
  return end < 0 ? text : text.slice(end + 4);
}

function weighTopics(topics: Topic[], evidence: Evidence[]): void {
  const linked = topics.filter((t) => t.links.some(isWorkItem)).length;
  const worded = topics.filter((t) => Object.values(t.fields).some((v) => !!v) || t.people?.length).length;
  const enough = linked >= 2 || (linked >= 1 && topics.length >= 3 && worded >= 2);
  const text = `${topics.length} topic section(s), ${linked} with work links (PR, issue, branch, commit)`;
  evidence.push(
    enough
      ? { rule: "topics", says: "for", text }
      : { rule: "topics", says: "against", text: `${text}; a report has two or more`, change: "wrapups.fields (name its sections) or paths (read it all the same)" },
  );
}
