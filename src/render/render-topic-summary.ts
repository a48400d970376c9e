import type { TopicReport } from "../progress/types.js";
import { escapeInline, quoteBlock } from "./escape-markdown.js";
import { VERDICT_EMOJI, renderLink, renderLinkBadges, renderVerdict, topicUrl, type TopicLocation } from "./render-parts.js";
import { renderWhy } from "./render-why.js";

/** Blocks shared by the follow-up issue and the reminder: the topic line, next steps, work links. */

export function renderTopicLink(topic: TopicReport, location: TopicLocation | null): string {
  return renderLink(topic.topic.title || topic.topic.heading, location ? topicUrl(location, topic.topic.anchor) : null, 120);
}

/** `🔴 stalled since 2026-10-01; last activity 74 days ago (gardener#669)`, `🟢 active — merged 3 days ago` */
export function renderStatusLine({ judgement }: TopicReport, now: Date): string {
  const why = renderWhy(judgement, now, 240);
  return judgement.verdict === "stalled" && judgement.since ? `${VERDICT_EMOJI.stalled} ${why}` : `${renderVerdict(judgement.verdict)} — ${why}`;
}

export function renderNextStepsBlock({ topic }: TopicReport, max: number): string[] {
  if (topic.nextSteps === null) return [];
  return [`**Next steps** (from the wrap-up)\n\n${quoteBlock(topic.nextSteps, max)}`];
}

/** One bullet per work link with its badge and reason. */
export function renderWorkList({ judgement }: TopicReport, max: number): string[] {
  const links = judgement.links.filter((l) => l.verdict !== "ignored");
  if (links.length === 0) return ["**Work:** no linked PR, issue or branch yet."];
  const lines = links.slice(0, max).map((l) => `- ${renderLinkBadges([l], 1, "")} — ${escapeInline(l.reason, 200)}`);
  if (links.length > max) lines.push(`- … and ${links.length - max} more`);
  return [`**Work**\n\n${lines.join("\n")}`];
}

const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** At most 5 distinct, valid logins, as `cc @a @b`. */
export const MAX_MENTIONS = 5;
export function renderMentions(logins: string[] | undefined): string[] {
  const valid = [...new Set((logins ?? []).filter((l) => LOGIN.test(l)))].slice(0, MAX_MENTIONS);
  return valid.length ? [`cc ${valid.map((l) => `@${l}`).join(" ")}`] : [];
}
