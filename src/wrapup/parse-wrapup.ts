import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { buildTopic } from "../reading/build-topic.js";
import { classifyWrapUp } from "../classifying/classify-wrapup.js";
import { collectLinks } from "../reading/collect-links.js";
import { readDocumentFacts } from "../reading/document-facts.js";
import { retoldHeadings } from "../classifying/document-kinds.js";
import { findBoardTopics } from "../reading/find-board-topics.js";
import { findCodeProblems } from "../reading/find-code-problems.js";
import { findFieldMarks } from "../reading/find-fields.js";
import { findPlainTopics } from "../reading/find-plain-topics.js";
import { findTopicHeadings } from "../reading/find-topics.js";
import { anchorHeadings, frameHeadingTopics } from "../reading/heading-frames.js";
import { parseMarkdownTree } from "../reading/markdown-tree.js";
import { plainTitle } from "../reading/plain-title.js";
import { prepareText } from "../reading/prepare-text.js";
import { readEventDate } from "../reading/read-date.js";
import { hasMojibake } from "../reading/repair-mojibake.js";
import type { TopicFrame } from "../reading/topic-frame.js";
import type { ParseOptions, WrapUp } from "./types.js";

/**
 * Text of a wrap-up in, model out: title, date, topics with fields and classified links, and
 * warnings a person can act on. Pure; never throws. Odd input gives a partial model and a warning.
 */
export function parseWrapUp(input: string, options: ParseOptions): WrapUp {
  try {
    return parseOrThrow(input, options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const warnings = [`the document could not be read: ${reason}`];
    return { path: options.path, title: null, date: null, topics: [], warnings, kind: "not-a-wrap-up", why: `not a wrap-up: ${warnings[0]}` };
  }
}

function parseOrThrow(input: string, { path }: ParseOptions): WrapUp {
  const { text, warnings } = prepareText(typeof input === "string" ? input : String(input ?? ""));
  const { root, frontMatter, warnings: treeWarnings } = parseMarkdownTree(text);
  warnings.push(...treeWarnings);
  const marks = findFieldMarks(root, text);
  const collected = collectLinks(root);
  const links = collected.links.sort((a, b) => a.offset - b.offset);
  const frames = findFrames(root, text, marks, links);
  const topicWarnings: string[] = [];
  const topics = frames.map((frame) => buildTopic(frame, text, links, topicWarnings));
  const title = readTitle(root, frontMatter.title, text);
  const facts = readDocumentFacts(root, text, path, frontMatter, topics[0]?.line ?? Number.POSITIVE_INFINITY);
  const retold = frames.map((frame) => retoldHeadings(facts.links, frame.start, frame.end));
  const { kind, why } = classifyWrapUp({ title, topics }, facts, retold);
  // A retelling's sections point to the wrap-up topics they retell, so one piece of work is followed once.
  if (kind === "retelling") topics.forEach((topic, i) => (retold[i]?.length ? (topic.sameAs = retold[i]) : undefined));
  warnings.push(...findCodeProblems(root, text), ...collected.warnings, ...topicWarnings);
  const garbled = topics.find((t) => hasMojibake(t.heading));
  if (garbled || hasMojibake(title ?? "")) {
    const where = garbled ? `line ${garbled.line}: ` : "";
    warnings.push(`${where}the text looks mis-decoded (UTF-8 read as Mac Roman, so emoji show as "üåê"); topic titles were repaired`);
  }
  if (topics.length === 0 && text.trim() !== "") {
    warnings.push("no topics found: no heading has fields (Problem Statement, Next Steps, …) or GitHub links under it");
  }
  const date = facts.dateLine?.date ?? readEventDate([frontMatter.date, frontMatter.title, title]);
  return { path, title, date, topics, warnings: sortByLine(warnings), kind, why };
}

function findFrames(root: Root, text: string, marks: ReturnType<typeof findFieldMarks>, links: ReturnType<typeof collectLinks>["links"]): TopicFrame[] {
  // Without a single bold or heading field, `Problem Statement:` lines are the best guide (scraped text).
  if (marks.length === 0 && PLAIN_PROBLEM.test(text)) {
    const codeLines = codeLineSet(root);
    const plain = findPlainTopics(text, (line) => codeLines.has(line));
    if (plain.length > 0) return plain;
  }
  // A topic board (status-marked list items) has no fields at all; lists inside fields are not boards.
  if (marks.length === 0) {
    const board = findBoardTopics(root, text);
    if (board.length > 0) return board;
  }
  const topicHeadings = findTopicHeadings(root, text, marks, links);
  return frameHeadingTopics(topicHeadings, marks, anchorHeadings(root), text);
}

const PLAIN_PROBLEM = /^[ \t]*problem statement[ \t]*:/im;

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

function codeLineSet(root: Root): Set<number> {
  const lines = new Set<number>();
  for (const node of root.children) {
    if (node.type !== "code" || !node.position) continue;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) lines.add(line);
  }
  return lines;
}

/** Warnings that name a line come in line order, after the ones about the whole document. */
function sortByLine(warnings: string[]): string[] {
  const lineOf = (w: string) => Number(/^line (\d+):/.exec(w)?.[1] ?? 0);
  return warnings
    .map((warning, index) => ({ warning, index, line: lineOf(warning) }))
    .sort((a, b) => a.line - b.line || a.index - b.index)
    .map((entry) => entry.warning);
}
