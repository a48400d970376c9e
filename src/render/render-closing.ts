import type { TopicReport } from "../progress/types.js";
import { escapeInline } from "./escape-markdown.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import { renderClosingMarker, type TopicKey } from "./marker.js";
import { formatCheckTime, type TopicLocation } from "./render-parts.js";
import { renderTopicLink, renderWorkList } from "./render-topic-summary.js";

export interface ClosingInput {
  topic: TopicReport;
  key: TopicKey;
  location?: TopicLocation;
  now: Date;
  limit?: number;
}

/** The comment posted before closing our own follow-up issue because its topic is done. */
export function renderClosingComment(input: ClosingInput): string {
  const { topic } = input;
  const head = [
    renderClosingMarker({ ...input.key, at: input.now.toISOString() }),
    `✅ **Done:** ${renderTopicLink(topic, input.location ?? null)} — ${escapeInline(topic.judgement.reason, 240)}. Closing this follow-up.`,
  ].join("\n\n");
  const main = renderWorkList(topic, 15).join("\n\n");
  const tail = `<sub>Checked ${formatCheckTime(input.now)} by wrapup-tracker</sub>`;
  return fitBody({ head, main, tail }, input.limit ?? GITHUB_BODY_LIMIT);
}
