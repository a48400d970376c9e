import type { Root } from "mdast";
import { toString } from "mdast-util-to-string";
import type { FieldMark } from "./find-fields.js";
import { matchGeneralFieldName } from "./general-field-names.js";
import type { FieldName } from "../wrapup/types.js";

/**
 * Field marks the Gardener reader does not know: headings and bold lead-ins with names other
 * communities use (`## What's next`, `**Decisions:**`, `### Ausblick`) or configured ones.
 * Added to `known` (the Gardener marks), sorted by offset, without repeating a mark.
 */
export function findGeneralMarks(root: Root, text: string, known: FieldMark[], configured: Map<string, FieldName>): FieldMark[] {
  const taken = new Set(known.map((m) => m.markStart));
  const extra: FieldMark[] = [];
  for (const node of root.children) {
    const start = node.position?.start.offset ?? 0;
    if (taken.has(start) || !node.position) continue;
    if (node.type === "heading") {
      const name = toString(node);
      const field = matchGeneralFieldName(name, configured);
      if (field) {
        extra.push({ field, label: name.replace(/:\s*$/, "").trim(), markStart: start, contentStart: node.position.end.offset ?? start, line: node.position.start.line, via: "heading", depth: node.depth });
      }
    } else if (node.type === "paragraph") {
      const first = node.children[0];
      if (first?.type !== "strong" || !first.position) continue;
      const name = toString(first);
      const field = matchGeneralFieldName(name, configured);
      const after = node.children[1];
      const colon = /:\s*$/.test(name) || (after?.type === "text" && /^\s*:/.test(after.value));
      if (!field || !colon || taken.has(first.position.start.offset ?? -1)) continue;
      const end = first.position.end.offset ?? start;
      const contentStart = /:\s*$/.test(name) ? end : text.indexOf(":", end) + 1;
      extra.push({ field, label: name.replace(/:\s*$/, "").trim(), markStart: start, contentStart, line: node.position.start.line, via: "lead-in" });
    }
  }
  return [...known, ...extra].sort((a, b) => a.markStart - b.markStart);
}
