import type { Heading, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { FieldMark } from "./find-fields.js";
import type { TopicHeading } from "./find-topics.js";
import { plainTitle } from "./plain-title.js";
import { createSlugger } from "./slug.js";
import type { Segment, TopicFrame } from "./topic-frame.js";

/** GitHub's anchor for every top-level heading, numbered across the whole document like GitHub does. */
export function anchorHeadings(root: Root): Map<Heading, string> {
  const slug = createSlugger();
  const anchors = new Map<Heading, string>();
  for (const node of root.children) if (node.type === "heading") anchors.set(node, slug(toString(node)));
  return anchors;
}

/** Frames for heading topics: the fields are the marks between the heading and the topic's end. */
export function frameHeadingTopics(
  topics: TopicHeading[],
  marks: FieldMark[],
  anchors: Map<Heading, string>,
  text: string,
): TopicFrame[] {
  let markIndex = 0;
  return topics.map(({ heading, end }) => {
    while (markIndex < marks.length && (marks[markIndex] as FieldMark).markStart < heading.end) markIndex++;
    const inside: FieldMark[] = [];
    for (let i = markIndex; i < marks.length && (marks[i] as FieldMark).markStart < end; i++) inside.push(marks[i] as FieldMark);
    return {
      title: plainTitle(toString(heading.node)),
      heading: headingAsWritten(text.slice(heading.start, heading.end)),
      line: heading.line,
      anchor: anchors.get(heading.node) ?? "",
      start: heading.start,
      headingEnd: heading.end,
      end,
      segments: segmentsOf(inside, end),
    };
  });
}

/** Each mark's field runs to the next mark; after a tracking blockquote the field before it resumes. */
export function segmentsOf(marks: FieldMark[], topicEnd: number): Segment[] {
  const segments: Segment[] = [];
  marks.forEach((mark, index) => {
    const nextStart = marks[index + 1]?.markStart ?? topicEnd;
    const end = Math.min(mark.contentEnd ?? nextStart, nextStart);
    segments.push({ field: mark.field, label: mark.label, line: mark.line, start: mark.contentStart, end });
    const before = segments.at(-2);
    if (end < nextStart && before) {
      segments.push({ ...before, start: end, end: nextStart });
    }
  });
  return segments;
}

/**
 * `## 🚀 Title ##` → `🚀 Title`: the heading line without its markers. The closing `#`s are cut by hand:
 * `/\s+#+\s*$/` retries at every space and costs quadratic time on a heading of 160 KB of spaces.
 */
function headingAsWritten(raw: string): string {
  const firstLine = (raw.split("\n")[0] ?? "").replace(/^\s*#{1,6}/, "").trim();
  let end = firstLine.length;
  while (end > 0 && firstLine[end - 1] === "#") end--;
  const withoutHashes = firstLine.slice(0, end);
  const closed = withoutHashes.length < firstLine.length && /\s$/.test(withoutHashes);
  return (closed ? withoutHashes : firstLine).trim() || raw.trim();
}
