import type { ListItem, Root } from "mdast";
import { toString } from "mdast-util-to-string";
import { plainTitle } from "./plain-title.js";
import { createSlugger } from "./slug.js";
import type { TopicFrame } from "./topic-frame.js";
import type { DeclaredStatus } from "../wrapup/types.js";

/** The marks a topic board uses, as its authors read them. */
const STATUS_MARKS: Array<{ mark: RegExp; status: DeclaredStatus }> = [
  { mark: /^\s*✅/u, status: "done" },
  { mark: /^\s*🚧/u, status: "in-progress" },
  { mark: /^\s*⏸/u, status: "paused" },
  { mark: /^\s*🙅/u, status: "not-started" },
];

/** How each declared status is shown: its mark and its words. */
export const DECLARED_STATUS_LABELS: Record<DeclaredStatus, string> = {
  done: "✅ done",
  "in-progress": "🚧 in progress",
  paused: "⏸️ paused",
  "not-started": "🙅 not started",
};

/** Fewer status-marked items than this are a checklist inside some text, not a board. */
export const MIN_BOARD_ITEMS = 3;

/**
 * Topics of a topic board (a voting or assignment note): the list items marked with a status emoji,
 * not the headings that group them. An item's links are those in it and in its sub-items (the people
 * named in sub-items are not topics). Empty when the document has fewer than MIN_BOARD_ITEMS.
 */
export function findBoardTopics(root: Root, text: string): TopicFrame[] {
  const items = root.children.flatMap((node) => (node.type === "list" ? node.children : []));
  const marked = items.flatMap((item) => {
    const status = statusOf(item);
    return status ? [{ item, status }] : [];
  });
  if (marked.length < MIN_BOARD_ITEMS) return [];
  const slug = createSlugger();
  return marked.flatMap(({ item, status }) => frameOf(item, status, text, slug));
}

function statusOf(item: ListItem): DeclaredStatus | null {
  const first = item.children[0];
  if (first?.type !== "paragraph") return null;
  const start = toString(first);
  return STATUS_MARKS.find(({ mark }) => mark.test(start))?.status ?? null;
}

function frameOf(item: ListItem, status: DeclaredStatus, text: string, slug: (text: string) => string): TopicFrame[] {
  const first = item.children[0];
  const start = item.position?.start.offset;
  const end = item.position?.end.offset;
  if (!first?.position || start === undefined || end === undefined) return [];
  const firstLine = toString(first).split("\n")[0] ?? "";
  const title = plainTitle(firstLine).replace(/\s*\((\d+ votes?|not voted)\)\s*$/i, "").trim();
  if (!title) return [];
  const lineStart = first.position.start.offset ?? start;
  const newline = text.indexOf("\n", lineStart);
  const headingEnd = newline < 0 ? end : Math.min(newline, end);
  return [
    {
      title,
      heading: text.slice(lineStart, headingEnd).trim(),
      line: first.position.start.line,
      // No heading to link to: the title's slug is the topic's key.
      anchor: slug(title),
      start,
      headingEnd,
      end,
      segments: [],
      declaredStatus: status,
    },
  ];
}
