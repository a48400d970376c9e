import type { TopicReport } from "../progress/types.js";
import { escapeInline, plainTitle } from "./escape-markdown.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import { fingerprintLinks, renderFollowUpMarker, type FollowUpMarker } from "./marker.js";
import { fileUrl, formatCheckTime, renderLink, type TopicLocation } from "./render-parts.js";
import { renderMentions, renderNextStepsBlock, renderStatusLine, renderTopicLink, renderWorkList } from "./render-topic-summary.js";

export interface FollowUpInput {
  topic: TopicReport;
  /** Title of the wrap-up (its path when it has none). */
  wrapUpTitle: string;
  /** The wrap-up file on the default branch: the marker's key and the links to the heading. */
  location: TopicLocation;
  /** Logins to mention (PR and branch authors); at most 5 are used, and only when given. */
  mentions?: string[];
  /** The topic's tracking issue, where wrapup-tracker may not comment: this issue stands in for it. */
  trackedIn?: { label: string; url: string };
  now: Date;
  limit?: number;
}

export interface RenderedIssue {
  title: string;
  body: string;
}

/** What a reader of the follow-up can do, in three lines: move it, pause it, or drop it. */
export const FOLLOW_UP_CALL_TO_ACTION = [
  "**What now?**",
  "",
  "- **Moving again?** Link the pull request under the topic in the wrap-up: this issue closes itself once the work is done.",
  "- **Not now?** Comment `/snooze <days>` (for example `/snooze 30`) to pause reminders.",
  "- **Dropped?** Close this issue: wrapup-tracker opens no new one unless the topic's links change.",
].join("\n");

/** `Follow up: <topic> (<wrap-up title>)`, bounded to GitHub's 256-character title limit. */
export function renderFollowUpTitle(topicTitle: string, wrapUpTitle: string): string {
  const wrap = plainTitle(wrapUpTitle, 80);
  return `Follow up: ${plainTitle(topicTitle, 240 - 14 - wrap.length)} (${wrap})`;
}

/** Work-link keys of a judged topic, fingerprinted for the marker. */
export function fingerprintTopic(topic: TopicReport): string {
  return fingerprintLinks(topic.judgement.links.filter((l) => l.verdict !== "ignored").map((l) => l.key));
}

/** The follow-up issue for a stalled topic: title, body, and the marker its body starts with. */
export function renderFollowUpIssue(input: FollowUpInput): RenderedIssue & { marker: FollowUpMarker } {
  const { topic, location } = input;
  const marker: FollowUpMarker = { repo: location.repo, path: location.path, anchor: topic.topic.anchor, fingerprint: fingerprintTopic(topic) };
  const wrapUp = renderLink(input.wrapUpTitle, fileUrl(location), 120);
  const head = [
    renderFollowUpMarker(marker),
    `The topic **${renderTopicLink(topic, location)}** of the wrap-up ${wrapUp}:\n\n${renderStatusLine(topic, input.now)}`,
    ...(input.trackedIn
      ? [`Tracked in ${renderLink(input.trackedIn.label, input.trackedIn.url, 120)}, where wrapup-tracker is not installed: it follows up here instead.`]
      : []),
  ].join("\n\n");
  const tail = [
    FOLLOW_UP_CALL_TO_ACTION,
    ...renderMentions(input.mentions),
    `<sub>Opened by wrapup-tracker on ${formatCheckTime(input.now)} for ${escapeInline(location.path, 200)}. ` +
      "It reminds here while the topic is stalled and closes this issue when its work is done. Comment `/refresh` to check now.</sub>",
  ].join("\n\n");
  const main = [...renderNextStepsBlock(topic, 6000), ...renderWorkList(topic, 30)].join("\n\n");
  const body = fitBody({ head, main, tail }, input.limit ?? GITHUB_BODY_LIMIT);
  return { title: renderFollowUpTitle(topic.topic.title || topic.topic.heading, input.wrapUpTitle), body, marker };
}
