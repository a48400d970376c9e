import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { classifyWrapUp } from "../classifying/classify-wrapup.js";
import { decideEventReport, isTakenByTitleOnly } from "../classifying/decide-event-report.js";
import { weighEventReport, type EventReportWeighing } from "../classifying/weigh-event-report.js";
import { readDocumentFacts } from "../reading/document-facts.js";
import { retoldHeadings } from "../classifying/document-kinds.js";
import { readGardener } from "../reading/dialects/gardener.js";
import { readGeneral, type GeneralShape } from "../reading/dialects/general.js";
import { findEventName } from "../reading/event-words.js";
import { findCodeProblems } from "../reading/find-code-problems.js";
import { readMarkdownDocument } from "../reading/markdown-document.js";
import { plainTitle } from "../reading/plain-title.js";
import { readEventDate } from "../reading/read-date.js";
import { hasMojibake } from "../reading/repair-mojibake.js";
import type { ParseOptions, Topic, WrapUp } from "./types.js";

/** How a page was read and decided: for `scan --explain`. */
export interface ParseExplanation {
  gardener: { kind: WrapUp["kind"]; why: string; topics: number };
  general: { shape: GeneralShape; topics: number; weighing: EventReportWeighing };
  /** Which reader's topics the model holds. */
  reader: "gardener" | "general";
}

/**
 * Text of a wrap-up in, model out: title, date, topics with fields and classified links, and
 * warnings a person can act on. Pure; never throws. Odd input gives a partial model and a warning.
 */
export function parseWrapUp(input: string, options: ParseOptions): WrapUp {
  return explainWrapUp(input, options).wrapUp;
}

/** `parseWrapUp` with the evidence of both readers (the general one is always run here). */
export function explainWrapUp(input: string, options: ParseOptions, explain = false): { wrapUp: WrapUp; explanation: ParseExplanation | null } {
  try {
    return parseOrThrow(input, options, explain);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const warnings = [`the document could not be read: ${reason}`];
    const wrapUp: WrapUp = { path: options.path, title: null, date: null, topics: [], warnings, kind: "not-a-wrap-up", why: `not a wrap-up: ${warnings[0]}` };
    return { wrapUp, explanation: null };
  }
}

function parseOrThrow(input: string, options: ParseOptions, explain: boolean): { wrapUp: WrapUp; explanation: ParseExplanation | null } {
  const { path } = options;
  const doc = readMarkdownDocument(typeof input === "string" ? input : String(input ?? ""));
  const { root, text, frontMatter } = doc;
  const warnings = doc.warnings;
  // The Gardener dialect first: its format and decisions stand as they are.
  const gardenerWarnings: string[] = [];
  const gardener = readGardener(doc, gardenerWarnings);
  const title = readTitle(root, frontMatter.title, text);
  const facts = readDocumentFacts(root, text, path, frontMatter, gardener.topics[0]?.line ?? Number.POSITIVE_INFINITY);
  const retold = gardener.frames.map((frame) => retoldHeadings(facts.links, frame.start, frame.end));
  const retoldSections = retold.filter((links) => links.length > 0).length;
  const decided = classifyWrapUp({ title, topics: gardener.topics }, facts, retold);
  // Then the general dialect, for pages the Gardener rules do not take that name an event (or were chosen by `paths`).
  const eventWords = options.reading?.eventWords ?? [];
  // A wrap-up taken by its title alone with one prose topic at most may be a flat outcome list.
  const undecided = isTakenByTitleOnly(decided, gardener.topics.length) || decided.kind === "not-a-wrap-up" || (decided.kind === "retelling" && retoldSections === 0);
  const named = [title, frontMatter.title, ...(frontMatter.labels ?? []), path].some((t) => !!t && findEventName(t, eventWords) !== null);
  const runGeneral = explain || (undecided && (named || !!options.reading?.chosen));
  const generalWarnings: string[] = [];
  const general = runGeneral ? readGeneral(doc, { fields: options.reading?.fields ?? {} }, generalWarnings) : null;
  const weighing = general ? weighEventReport({ title, facts, text, topics: general.topics, eventWords }) : null;
  let { kind, why } = decided;
  let useGeneral = false;
  if (general && weighing && (undecided || explain)) {
    const joined = decideEventReport(decided, retoldSections, weighing, title, gardener.topics.length);
    ({ kind, why } = joined);
    useGeneral = joined.general;
    // A file chosen by `paths` that the rules turn away is still read as a report, and says so.
    if (!useGeneral && options.reading?.chosen && kind !== "wrap-up" && general.topics.length > gardener.topics.length) {
      useGeneral = true;
      why = `${why}; read with the general reader (${general.topics.length} topics)`;
    }
  }
  const topics: Topic[] = useGeneral && general ? general.topics : gardener.topics;
  // A retelling's sections point to the wrap-up topics they retell, so one piece of work is followed once.
  if (kind === "retelling" && !useGeneral) topics.forEach((topic, i) => (retold[i]?.length ? (topic.sameAs = retold[i]) : undefined));
  warnings.push(...findCodeProblems(root, text), ...doc.linkWarnings, ...(useGeneral ? generalWarnings : gardenerWarnings));
  const garbled = topics.find((t) => hasMojibake(t.heading));
  if (garbled || hasMojibake(title ?? "")) {
    const where = garbled ? `line ${garbled.line}: ` : "";
    warnings.push(`${where}the text looks mis-decoded (UTF-8 read as Mac Roman, so emoji show as "üåê"); topic titles were repaired`);
  }
  if (topics.length === 0 && text.trim() !== "") {
    warnings.push("no topics found: no heading has fields (Problem Statement, Next Steps, …) or GitHub links under it");
  }
  const date = facts.dateLine?.date ?? readEventDate([frontMatter.date, frontMatter.title, title]);
  const wrapUp: WrapUp = { path, title, date, topics, warnings: sortByLine(warnings), kind, why };
  const explanation: ParseExplanation | null =
    explain && general && weighing
      ? {
          gardener: { kind: decided.kind, why: decided.why, topics: gardener.topics.length },
          general: { shape: general.shape, topics: general.topics.length, weighing },
          reader: useGeneral ? "general" : "gardener",
        }
      : null;
  return { wrapUp, explanation };
}

function readTitle(root: Root, frontMatterTitle: string | undefined, text: string): string | null {
  const h1 = root.children.find((node) => node.type === "heading" && node.depth === 1);
  const raw = h1 ? toString(h1) : (frontMatterTitle ?? indentedTitle(root, text));
  const title = raw ? plainTitle(raw) : "";
  return title || null;
}

/**
 * A page scraped with its indentation (HackMD, wikis) can put the `# Title` line four spaces in,
 * where markdown reads it as code: before any heading, such a line is still the title.
 */
function indentedTitle(root: Root, text: string): string | undefined {
  for (const node of root.children) {
    if (node.type === "heading") return undefined;
    const fenced = /^[ \t]*(`{3}|~{3})/.test(text.slice(node.position?.start.offset ?? 0));
    if (node.type === "code" && !fenced) {
      const line = /^[ \t]*#[ \t]+(\S.*)$/m.exec(node.value)?.[1];
      if (line) return line;
    }
  }
  return undefined;
}

/** Warnings that name a line come in line order, after the ones about the whole document. */
function sortByLine(warnings: string[]): string[] {
  const lineOf = (w: string) => Number(/^line (\d+):/.exec(w)?.[1] ?? 0);
  return warnings
    .map((warning, index) => ({ warning, index, line: lineOf(warning) }))
    .sort((a, b) => a.line - b.line || a.index - b.index)
    .map((entry) => entry.warning);
}
