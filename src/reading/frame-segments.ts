import type { FieldMark } from "./find-fields.js";
import { segmentsOf } from "./heading-frames.js";
import type { Segment, TopicFrame } from "./topic-frame.js";

/** The field segments of a frame: the marks after its heading and before its end, each to the next. */
export function frameHeadingSegments(frame: TopicFrame, marks: FieldMark[]): Segment[] {
  return segmentsOf(marks.filter((m) => m.markStart >= frame.headingEnd && m.markStart < frame.end), frame.end);
}
