import type { FoundLink } from "./collect-links.js";
import { FIELD_LABELS, isPlaceholder } from "./field-names.js";
import { linkKey } from "../wrapup/link-key.js";
import { saysNothingLeft } from "./nothing-left.js";
import type { Segment, TopicFrame } from "./topic-frame.js";
import type { FieldName, Link, LinkPlace, Topic } from "../wrapup/types.js";

/**
 * A topic from its frame: field texts cut from the document, links placed in their field and
 * deduplicated, empty fields listed (and reported in `warnings`).
 * `links` must be sorted by offset; only those inside the frame are used.
 */
export function buildTopic(frame: TopicFrame, text: string, links: FoundLink[], warnings: string[]): Topic {
  const { fields, emptyFields } = readFields(frame, text, warnings);
  const written = fields.nextSteps;
  const nextSteps = written !== undefined && !isPlaceholder(written) && !saysNothingLeft(written) ? written : null;
  const topic: Topic = {
    title: frame.title,
    heading: frame.heading,
    line: frame.line,
    anchor: frame.anchor,
    fields,
    nextSteps,
    links: placeLinks(frame, links),
  };
  if (emptyFields.length > 0) topic.emptyFields = emptyFields;
  if (frame.declaredStatus) topic.declaredStatus = frame.declaredStatus;
  return topic;
}

function readFields(frame: TopicFrame, text: string, warnings: string[]) {
  const pieces = new Map<FieldName, string[]>();
  const firstSegment = new Map<FieldName, Segment>();
  for (const segment of frame.segments) {
    if (!firstSegment.has(segment.field)) firstSegment.set(segment.field, segment);
    const piece = cleanFieldText(text.slice(segment.start, Math.max(segment.start, segment.end)));
    const list = pieces.get(segment.field) ?? [];
    if (piece) list.push(piece);
    pieces.set(segment.field, list);
  }
  const fields: Topic["fields"] = {};
  const emptyFields: FieldName[] = [];
  for (const [field, list] of pieces) {
    fields[field] = list.join("\n\n");
    if (list.length > 0) continue;
    emptyFields.push(field);
    const segment = firstSegment.get(field);
    const label = segment?.label || FIELD_LABELS[field];
    warnings.push(`line ${segment?.line ?? frame.line}: "${label}" of topic "${frame.title}" is empty`);
  }
  return { fields, emptyFields };
}

/** Lines that carry no content of their own: separators, images, alert markers, link definitions. */
const NOT_CONTENT = /^\s*(<hr\s*\/?>|[-*_](\s*[-*_]){2,}|!\[[^\]]*\]\([^)]*\)|\[![A-Za-z]+\]|\[[^\]]+\]:\s*\S+.*)\s*$/i;

/** Separators, images and link definitions are short lines. */
const MAX_NOT_CONTENT_LENGTH = 1_000;

/** Field text, plain-ish: separators, images, blockquote markers and outer spaces removed. */
export function cleanFieldText(raw: string): string {
  return raw
    .replace(/^\s*:/, "")
    .split("\n")
    .map((line) => line.replace(/^[ \t]*>[ \t]?/, "").trimEnd())
    // Longer lines are content: the test, with `\S+.*\s*$`, would cost the line's length times its URL's.
    .filter((line) => line.length > MAX_NOT_CONTENT_LENGTH || !NOT_CONTENT.test(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function placeLinks(frame: TopicFrame, links: FoundLink[]): Link[] {
  const placed: Link[] = [];
  const seen = new Set<string>();
  for (let i = firstAtOrAfter(links, frame.start); i < links.length; i++) {
    const found = links[i] as FoundLink;
    if (found.offset >= frame.end) break;
    const { offset: _offset, ...rest } = found;
    const link: Link = { ...rest, field: placeOf(frame, found.offset) };
    const key = linkKey(link) ?? `${link.kind}:${link.url}`;
    if (seen.has(key)) continue;
    seen.add(key);
    placed.push(link);
  }
  return dropShadowedShortRefs(placed);
}

/** A short ref `o/r#1` says nothing new when the topic also links that pull request or issue. */
function dropShadowedShortRefs(links: Link[]): Link[] {
  const numbered = new Set(
    links.filter((l) => l.kind === "pull" || l.kind === "issue").map((l) => `${l.owner?.toLowerCase()}/${l.repo?.toLowerCase()}#${l.number}`),
  );
  return links.filter(
    (l) => l.kind !== "issue-or-pull" || !numbered.has(`${l.owner?.toLowerCase()}/${l.repo?.toLowerCase()}#${l.number}`),
  );
}

function placeOf(frame: TopicFrame, offset: number): LinkPlace {
  if (offset < frame.headingEnd) return "heading";
  for (const segment of frame.segments) {
    if (offset >= segment.start && offset < segment.end) return segment.field;
  }
  return "body";
}

function firstAtOrAfter(links: FoundLink[], offset: number): number {
  let low = 0;
  let high = links.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((links[mid] as FoundLink).offset < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
