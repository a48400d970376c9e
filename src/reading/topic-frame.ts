import type { DeclaredStatus, FieldName } from "../wrapup/types.js";

/** A stretch of a topic that belongs to one field. Offsets into the document text. */
export interface Segment {
  field: FieldName;
  label: string;
  line: number;
  start: number;
  end: number;
}

/** A topic's place in the text, before its fields and links are read. */
export interface TopicFrame {
  title: string;
  heading: string;
  line: number;
  anchor: string;
  start: number;
  /** Links before this offset sit in the heading (or title line). */
  headingEnd: number;
  end: number;
  segments: Segment[];
  /** Topic boards: the status the list item is marked with. */
  declaredStatus?: DeclaredStatus;
}
