import { buildTopic } from "../build-topic.js";
import { findGeneralMarks } from "../find-general-marks.js";
import { findHeadingTopics, findListTopics, findTableTopics } from "../find-general-topics.js";
import { findPeople } from "../find-people.js";
import { findUnfinishedLines } from "../find-unfinished-lines.js";
import { keyMap, type ExtraFieldNames } from "../general-field-names.js";
import { anchorHeadings } from "../heading-frames.js";
import { frameHeadingSegments } from "../frame-segments.js";
import type { MarkdownDocument } from "../markdown-document.js";
import { createSlugger } from "../slug.js";
import { spreadEventNextSteps } from "../spread-event-next-steps.js";
import type { TopicFrame } from "../topic-frame.js";
import type { Topic } from "../../wrapup/types.js";

export type GeneralShape = "headings" | "list" | "table" | "none";

/**
 * The general dialect: event reports the way other communities write them — sprint reports
 * (`## <Project>` with a Contributors line and bullets of PRs), summit and hack-week posts
 * (`### <Topic>` under `## Topics`), report papers (a section per task), session minutes, and flat
 * outcome lists (a bullet per team). Read top to bottom:
 *
 * 1. Field marks: the Gardener names plus other communities' (`What's next`, `Decisions`, `Ausblick`)
 *    and the configured `wrapups.fields`.
 * 2. Topics: headings where two or more sections link work; else top-level bullets that link work;
 *    else table rows that do; else the one linked heading there is.
 * 3. Fields of each topic run from its marks. A topic without stated next steps takes the lines that
 *    say their linked work is unfinished (WIP, draft, preparing, continue, follow-up); next steps
 *    written once for the event (`What's next`, `Future work`) go to the topics they name. With none
 *    of those, its open links are what is followed (the judge calls open, quiet work stalled).
 * 4. People: `Contributors:`-like lines and @handles.
 *
 * Pure. `warnings` gets the empty fields it meets.
 */
export function readGeneral(
  doc: MarkdownDocument,
  options: { fields?: ExtraFieldNames },
  warnings: string[],
): { frames: TopicFrame[]; topics: Topic[]; shape: GeneralShape } {
  const { root, text, links } = doc;
  // 1. Field marks.
  const marks = findGeneralMarks(root, text, doc.marks, keyMap(options.fields));
  // 2. Topics.
  const slug = createSlugger();
  const anchors = anchorHeadings(root);
  for (const anchor of anchors.values()) slug(anchor); // list and table anchors must not collide with headings
  const byHeadings = findHeadingTopics(root, text, links, marks, anchors);
  const byList = byHeadings.length >= 2 ? [] : findListTopics(root, text, links, marks, slug);
  const byTable = byHeadings.length >= 2 || byList.length >= 2 ? [] : findTableTopics(root, links, slug);
  const [frames, shape]: [TopicFrame[], GeneralShape] =
    byHeadings.length >= 2 ? [byHeadings, "headings"]
    : byList.length >= 2 ? [byList, "list"]
    : byTable.length >= 2 ? [byTable, "table"]
    : byHeadings.length === 1 ? [byHeadings, "headings"]
    : [[], "none"];
  // 3. Fields, and next steps from unfinished work.
  const offsets = links.map((l) => l.offset);
  for (const frame of frames) {
    frame.segments = frameHeadingSegments(frame, marks);
    if (!frame.segments.some((s) => s.field === "nextSteps")) {
      frame.segments.push(...findUnfinishedLines(text, links, offsets, frame.headingEnd, frame.end));
    }
  }
  spreadEventNextSteps(frames, marks, text);
  const topics = frames.map((frame) => buildTopic(frame, text, links, warnings));
  // 4. People.
  frames.forEach((frame, i) => {
    const people = findPeople(text.slice(frame.start, frame.end));
    if (people.length > 0) topics[i]!.people = people;
  });
  return { frames, topics, shape };
}
