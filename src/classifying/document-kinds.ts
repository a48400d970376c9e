import type { DocumentFacts, PageLink } from "../reading/document-facts.js";
import { isWorkItem } from "../wrapup/link-key.js";
import type { SameAs, Topic } from "../wrapup/types.js";

/**
 * Kinds of documents that are never wrap-ups, however many PR links or "Next Steps" they hold.
 * Each detector returns what the document reads like (for the reason line), or null. Pure.
 */
export interface Seen {
  title: string | null;
  facts: DocumentFacts;
  topics: Topic[];
  /** Topics telling a wrap-up's story: three or more wrap-up fields (two where the page names its event). */
  fielded: number;
}

export type Detector = (seen: Seen) => string | null;

/** Names of hackathon-like events: hackathons, hack days and weeks, "Hack The Garden"-style names. */
export const EVENT = /\bhack(?:athons?|[\s_-]+the[\s_-]+\p{L}+|[\s_-]*days?|[\s_-]*weeks?|[\s_-]*fests?|[\s_-]*sprints?)\b/iu;
const WRAP_UP_WORD = /\bwrap[\s_-]*ups?\b|\brecap\b|\bsummary\b|\bresults\b|\boutcomes?\b/i;
/** Always meeting notes, whatever else the title says. */
const MEETING = /\b(meetings?|minutes|agenda|office[\s-]hours|community[\s-]calls?)\b/i;
/** Meeting notes too, unless the title names an event's wrap-up ("Hack Week Sync Wrap Up"). */
const MEETING_LIKE = /\b(reviews?|stand[\s-]?ups?|retro(spective)?s?|syncs?)\b/i;
const MEETING_PATH = /(^|\/)([^/]*(meeting|minutes|agenda)[^/]*|reviews?)(\/|\.(md|markdown)$)/i;
const RELEASE_TITLE = /\breleased?\b|\breleases\b|\brelease[\s-]notes?\b|\bchange[\s-]?logs?\b|\bwhat'?s[\s-]new\b|\bv\d+(\.\d+)+\b|\bversion\s+\d+(\.\d+)+/i;
const RELEASE_PATH = /(^|\/)(change[-_]?logs?|changes|history|release[-_]?notes?|releases)(\.\w+$|\/)/i;
const VERSION_HEADING = /^\[?v?\d+\.\d+(\.\d+)?(-[\w.]+)?\]?(\s|$|[-–(:])/i;
const RELEASE_SECTIONS = /^(breaking changes?|bug ?fixes|fixes|fixed|new features|features|added|changed|removed|deprecat(ed|ions?)|security|improvements|enhancements|other changes|dependenc(y|ies) updates?|known issues|upgrade notes)$/i;
const FAQ = /\bfaqs?\b|\bfrequently[\s-]asked\b|\bq\s*&\s*a\b/i;
const API_REFERENCE = /\bapi[\s_-]*ref(erence)?s?\b|\breference[\s_-]+api\b|(^|\/)(api[-_]?reference|reference\/api)(\/|\.)/i;
const GITHUB_TEMPLATE_PATH = /(^|\/)\.github\/(issue_template|pull_request_template|discussion_template)(\/|\.|$)/i;
const TEMPLATE_NAME = /(^|[/_.-])template([_.-][^/]*)?\.(md|markdown)$/i;
/** Blog folders, Jekyll's `_posts/` included. */
const BLOG_PATH = /(^|\/)(blog|blogs|posts|_posts|news)\//i;
const EVENT_PATH = /(^|\/)[^/]*(hackathons?|hack[-_]the[-_]\w+|hack[-_]?days?|hack[-_]?weeks?)[^/]*\//i;
const YEAR_MONTH = /(19|20)\d{2}[-_](0[1-9]|1[0-2])(?![0-9])/;
/** Paths and links of event pages: a year-month (`2023-05_Leverkusen`, `/hackathons/2025-07`) or a hackathon folder. */
const EVENT_PAGE = /(^|[/_#-])(19|20)\d{2}[-_](0[1-9]|1[0-2])(?![0-9])|hackathon|hack[-_]the[-_]garden/i;

/** A title, front matter or path names a hackathon (or hack days, Hack The Garden…). */
export function namesEvent(seen: Seen): boolean {
  const { facts } = seen;
  const named = [seen.title, facts.frontMatter.title, ...(facts.frontMatter.labels ?? [])].some((t) => !!t && EVENT.test(t));
  return named || EVENT_PATH.test(facts.path);
}

/** The title names an event's wrap-up: `Hack The Garden 11/2021 Wrap Up`, or an event with a date line. */
export function namesEventWrapUp(seen: Seen): boolean {
  const titles = [seen.title, seen.facts.frontMatter.title].filter((t): t is string => !!t);
  return titles.some((t) => EVENT.test(t) && (WRAP_UP_WORD.test(t) || seen.facts.dateLine !== null));
}

export function isBlogPost(facts: DocumentFacts): boolean {
  return isBlogPostPath(facts.path) || (facts.frontMatter.labels ?? []).some((l) => /^(blog|post|posts|news|article)$/i.test(l));
}

/** A path under a blog, posts or news folder. */
export function isBlogPostPath(path: string): boolean {
  return BLOG_PATH.test(path);
}

/** Links between `start` and `end` to a heading of an event page (`…/2023-05_Leverkusen#-ipv6-on-cloud-provider`). */
export function retoldHeadings(links: PageLink[], start: number, end: number): SameAs[] {
  return links
    .filter((l) => l.offset >= start && l.offset < end && l.anchor && l.url && EVENT_PAGE.test(pathOf(l.url)))
    .map((l) => ({ url: l.url, anchor: l.anchor! }));
}

function pathOf(url: string): string {
  if (!/^https?:\/\//i.test(url)) return url;
  try {
    return new URL(url).pathname;
  } catch {
    return "";
  }
}

const quoted = (title: string | null | undefined) => (title ? ` "${clip(title)}"` : "");

export const isTemplate: Detector = ({ facts, topics }) => {
  if (GITHUB_TEMPLATE_PATH.test(facts.path)) return `an issue or pull request template: path ${facts.path}`;
  const keys = facts.frontMatter.keys ?? [];
  if (keys.includes("name") && keys.includes("about")) return "an issue template: front matter with name and about";
  const linked = topics.some((t) => t.links.some((l) => isWorkItem(l)));
  if (TEMPLATE_NAME.test(facts.path) && !linked) return `a template: path ${facts.path}, nothing linked`;
  const withFields = topics.filter((t) => Object.keys(t.fields).length > 0);
  const allEmpty = withFields.length > 0 && withFields.every((t) => Object.values(t.fields).every((v) => !v?.trim()));
  return allEmpty && !linked ? `an empty template: ${withFields.length} topic(s), every field empty, nothing linked` : null;
};

export const isMovedStub: Detector = ({ facts, fielded }) => {
  if (fielded > 0 || facts.words > 80 || !facts.saysMoved) return null;
  const target = facts.links.find((l) => /^https?:\/\//i.test(l.url));
  return `a stub: its content moved${target ? ` to ${clip(target.url, 80)}` : ""}`;
};

export const isMeetingNotes: Detector = ({ title, facts }) => {
  const titles = [title, facts.frontMatter.title, ...(facts.frontMatter.labels ?? [])].filter((t): t is string => !!t);
  const eventWrapUp = (t: string) => EVENT.test(t) && WRAP_UP_WORD.test(t);
  const named = titles.find((t) => MEETING.test(t) || (MEETING_LIKE.test(t) && !eventWrapUp(t)));
  if (named) return `meeting notes: title${quoted(named)}`;
  return MEETING_PATH.test(facts.path) ? `meeting notes: path ${facts.path}` : null;
};

export const isReleaseNotes: Detector = ({ title, facts }) => {
  const titles = [title, facts.frontMatter.title].filter((t): t is string => !!t);
  const named = titles.find((t) => RELEASE_TITLE.test(t));
  if (named) return `release notes: title${quoted(named)}`;
  if (RELEASE_PATH.test(facts.path)) return `release notes: path ${facts.path}`;
  const versions = facts.headings.filter((h) => VERSION_HEADING.test(h)).length;
  const sections = facts.headings.filter((h) => RELEASE_SECTIONS.test(h.replace(/[^\p{L}\p{N} ]/gu, "").trim())).length;
  if (versions >= 2 || sections >= 3) return `a changelog: ${versions >= 2 ? `${versions} sections named by version` : `${sections} sections like "Bug Fixes"`}`;
  return null;
};

export const isFaq: Detector = ({ title, facts }) => {
  const named = [title, facts.frontMatter.title, facts.path].find((t) => !!t && FAQ.test(t));
  if (named) return `an FAQ: ${named === facts.path ? "path" : "title"}${quoted(named)}`;
  const questions = facts.headings.filter((h) => /\?\s*$/.test(h)).length;
  return questions >= 3 && questions * 2 >= facts.headings.length ? `an FAQ: ${questions} of ${facts.headings.length} headings are questions` : null;
};

export const isApiReference: Detector = ({ title, facts, fielded }) => {
  const named = [title, facts.frontMatter.title, facts.path].find((t) => !!t && API_REFERENCE.test(t));
  if (named) return `an API reference: ${named === facts.path ? "path" : "title"}${quoted(named)}`;
  // Table rows are a hint, not a name: a wrap-up may carry a long table (results, a benchmark) and
  // still tell its topics with wrap-up fields.
  return facts.tableRows >= 40 && facts.words < facts.tableRows * 12 && fielded === 0 ? `an API reference: ${facts.tableRows} table rows` : null;
};

/** Links to pages of three or more different events (`2021-11_Steinberg/README.md`, `/hackathons/2023-05`). */
export const isEventIndex: Detector = ({ facts, fielded }) => {
  if (fielded > 0) return null;
  const months = new Set(facts.links.flatMap((l) => YEAR_MONTH.exec(pathOf(l.url))?.[0].slice(-7).replace("_", "-") ?? []));
  return months.size >= 3 ? `an index of events: links to the pages of ${months.size} events` : null;
};

export function clip(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
