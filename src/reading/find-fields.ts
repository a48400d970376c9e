import type { Blockquote, Heading, Paragraph, PhrasingContent, Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import { matchFieldName } from "./field-names.js";
import type { FieldName } from "../wrapup/types.js";

/** Where a field starts: a bold lead-in, a sub-heading, or a `> **Tracking:**` blockquote. */
export interface FieldMark {
  field: FieldName;
  /** The field's name as written, without emphasis and colon (for messages). */
  label: string;
  /** Offset where the lead-in or sub-heading begins (ends the field before it). */
  markStart: number;
  /** Offset where the field's content begins. */
  contentStart: number;
  /** For a tracking blockquote: where the blockquote ends (the field ends there too). */
  contentEnd?: number;
  line: number;
  via: "lead-in" | "heading" | "blockquote";
  /** Heading depth, for sub-heading fields. */
  depth?: number;
}

/** Every field mark in the document, in order. Only top-level blocks and blockquotes are looked at. */
export function findFieldMarks(root: Root, text: string): FieldMark[] {
  const marks: FieldMark[] = [];
  for (const node of root.children) collectFromBlock(node, text, marks);
  return marks;
}

/** A heading whose text is a field name (`### Next Steps`), or null. */
export function readFieldHeading(node: Heading): FieldMark | null {
  const field = matchFieldName(toString(node));
  const position = node.position;
  if (!field || !position) return null;
  return {
    field,
    label: toString(node).replace(/:\s*$/, "").trim(),
    markStart: position.start.offset ?? 0,
    contentStart: position.end.offset ?? 0,
    line: position.start.line,
    via: "heading",
    depth: node.depth,
  };
}

function collectFromBlock(node: RootContent, text: string, marks: FieldMark[]): void {
  if (node.type === "heading") {
    const mark = readFieldHeading(node);
    if (mark) marks.push(mark);
  } else if (node.type === "paragraph") {
    marks.push(...readLeadIns(node, text));
  } else if (node.type === "blockquote") {
    collectFromBlockquote(node, text, marks);
  }
}

function collectFromBlockquote(node: Blockquote, text: string, marks: FieldMark[]): void {
  const end = node.position?.end.offset;
  for (const child of node.children) {
    if (child.type !== "paragraph") continue;
    for (const mark of readLeadIns(child, text)) {
      // A tracking note lives in its own blockquote; the text after it is not part of it.
      marks.push(mark.field === "tracking" ? { ...mark, via: "blockquote", contentEnd: end } : mark);
    }
  }
}

/**
 * Bold lead-ins that start a line of a paragraph: `**Next Steps:** text`, `**Code/Pull Requests**:`,
 * or a bold field name alone on its line. Several may share one paragraph.
 */
function readLeadIns(node: Paragraph, text: string): FieldMark[] {
  const marks: FieldMark[] = [];
  node.children.forEach((child, index) => {
    if (child.type !== "strong" || !child.position) return;
    if (!startsLine(node.children, index)) return;
    const mark = readLeadIn(child.position, toString(child), node.children[index + 1], text);
    if (mark) marks.push(mark);
  });
  return marks;
}

type Span = NonNullable<PhrasingContent["position"]>;

function readLeadIn(span: Span, strongText: string, next: PhrasingContent | undefined, text: string): FieldMark | null {
  const nextText = next?.type === "text" ? next.value : next ? "x" : "";
  const colonInside = /:\s*$/.test(strongText);
  const colonAfter = /^\s*:/.test(nextText);
  const aloneOnLine = nextText === "" || /^[ \t]*\n/.test(nextText);
  if (!colonInside && !colonAfter && !aloneOnLine) return null;
  const field = matchFieldName(strongText);
  if (!field) return null;
  let contentStart = span.end.offset ?? 0;
  if (colonAfter) contentStart = text.indexOf(":", contentStart) + 1;
  return {
    field,
    label: strongText.replace(/:\s*$/, "").trim(),
    markStart: span.start.offset ?? 0,
    contentStart,
    line: span.start.line,
    via: "lead-in",
  };
}

function startsLine(children: PhrasingContent[], index: number): boolean {
  if (index === 0) return true;
  const previous = children[index - 1];
  if (previous?.type === "break") return true;
  return previous?.type === "text" && /\n[ \t]*$/.test(previous.value);
}
