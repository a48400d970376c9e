import type { ThreadTopic } from "../progress/find-threads.js";
import type { TopicReport } from "../progress/types.js";
import { escapeInline } from "./escape-markdown.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import { renderClosingMarker, type TopicKey } from "./marker.js";
import { formatCheckTime, renderLink, topicUrl, type TopicLocation } from "./render-parts.js";
import { renderTopicLink } from "./render-topic-summary.js";

export interface ContinuedInput {
  topic: TopicReport;
  key: TopicKey;
  /** The wrap-up file of this topic; the continuation is linked in the same repository and ref. */
  location: TopicLocation;
  /** The latest topic of the thread: it carries the one follow-up from now on. */
  continuation: ThreadTopic;
  now: Date;
  limit?: number;
}

/** The comment posted before closing our follow-up of a topic that a later event continues. */
export function renderContinuedComment(input: ContinuedInput): string {
  const { continuation } = input;
  const later = renderLink(continuation.title, topicUrl({ ...input.location, path: continuation.path }, continuation.anchor), 120);
  const head = [
    renderClosingMarker({ ...input.key, at: input.now.toISOString() }),
    `➡️ **Continued in ${escapeInline(continuation.event, 60)}:** ${renderTopicLink(input.topic, input.location)} goes on as ${later}. ` +
      "That topic carries the one follow-up of this work from now on, so this issue is closed.",
  ].join("\n\n");
  const tail = `<sub>Checked ${formatCheckTime(input.now)} by wrapup-tracker</sub>`;
  return fitBody({ head, main: "", tail }, input.limit ?? GITHUB_BODY_LIMIT);
}
