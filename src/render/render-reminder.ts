import type { TopicReport } from "../progress/types.js";
import { escapeInline } from "./escape-markdown.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import { renderReminderMarker, type TopicKey } from "./marker.js";
import { formatCheckTime, type TopicLocation } from "./render-parts.js";
import { renderMentions, renderNextStepsBlock, renderStatusLine, renderTopicLink, renderWorkList } from "./render-topic-summary.js";

export interface ReminderInput {
  topic: TopicReport;
  wrapUpTitle: string;
  /** The topic's key (for the marker). */
  key: TopicKey;
  /** Where to link the topic's heading (default branch); plain text without it. */
  location?: TopicLocation;
  mentions?: string[];
  now: Date;
  limit?: number;
}

/** A reminder on a tracking or follow-up issue of a topic that is still stalled. */
export function renderReminderComment(input: ReminderInput): string {
  const { topic } = input;
  const head = [
    renderReminderMarker({ ...input.key, at: input.now.toISOString() }),
    `⏰ **Reminder:** ${renderTopicLink(topic, input.location ?? null)} from the wrap-up *${escapeInline(input.wrapUpTitle, 120)}* is still stalled.\n\n${renderStatusLine(topic, input.now)}`,
  ].join("\n\n");
  const main = [...renderNextStepsBlock(topic, 3000), ...renderWorkList(topic, 15)].join("\n\n");
  const tail = [
    ...renderMentions(input.mentions),
    `<sub>Checked ${formatCheckTime(input.now)} by wrapup-tracker · \`/snooze <days>\` pauses reminders · \`/refresh\` checks now</sub>`,
  ].join("\n\n");
  return fitBody({ head, main, tail }, input.limit ?? GITHUB_BODY_LIMIT);
}
