import type { Root } from "mdast";
import { buildTopic } from "../build-topic.js";
import { findBoardTopics } from "../find-board-topics.js";
import { findPlainTopics } from "../find-plain-topics.js";
import { findTopicHeadings } from "../find-topics.js";
import { anchorHeadings, frameHeadingTopics } from "../heading-frames.js";
import type { MarkdownDocument } from "../markdown-document.js";
import type { TopicFrame } from "../topic-frame.js";
import type { Topic } from "../../wrapup/types.js";

/**
 * The Gardener dialect, the app's first: a wrap-up is one section per topic whose fields are bold
 * lead-ins or sub-headings (`**Problem Statement:**`, `### Next Steps`), with PR and issue links.
 * Three shapes of it, tried in this order:
 *
 * 1. Scraped plain text (no bold or heading field anywhere): each `Problem Statement:` line opens a topic.
 * 2. A topic board (still no field): list items marked ✅ 🚧 ⏸️ 🙅 are the topics.
 * 3. Headings: the depth whose headings most often carry fields (else GitHub links, else three or more
 *    sibling sections) holds the topics; each field runs to the next field mark.
 *
 * Pure. `warnings` gets the empty fields it meets.
 */
export function readGardener(doc: MarkdownDocument, warnings: string[]): { frames: TopicFrame[]; topics: Topic[] } {
  const frames = findFrames(doc);
  const topics = frames.map((frame) => buildTopic(frame, doc.text, doc.links, warnings));
  return { frames, topics };
}

function findFrames({ root, text, marks, links }: MarkdownDocument): TopicFrame[] {
  // 1. Without a single bold or heading field, `Problem Statement:` lines are the best guide (scraped text).
  if (marks.length === 0 && PLAIN_PROBLEM.test(text)) {
    const codeLines = codeLineSet(root);
    const plain = findPlainTopics(text, (line) => codeLines.has(line));
    if (plain.length > 0) return plain;
  }
  // 2. A topic board (status-marked list items) has no fields at all; lists inside fields are not boards.
  if (marks.length === 0) {
    const board = findBoardTopics(root, text);
    if (board.length > 0) return board;
  }
  // 3. Headings with fields.
  const topicHeadings = findTopicHeadings(root, text, marks, links);
  return frameHeadingTopics(topicHeadings, marks, anchorHeadings(root), text);
}

const PLAIN_PROBLEM = /^[ \t]*problem statement[ \t]*:/im;

function codeLineSet(root: Root): Set<number> {
  const lines = new Set<number>();
  for (const node of root.children) {
    if (node.type !== "code" || !node.position) continue;
    for (let line = node.position.start.line; line <= node.position.end.line; line++) lines.add(line);
  }
  return lines;
}
