import type { TopicReport, WrapUpReport } from "../progress/types.js";
import { formatTopicKey, type TopicKey } from "../render/marker.js";
import { renderClosingComment } from "../render/render-closing.js";
import { renderContinuedComment } from "../render/render-continued.js";
import { fingerprintTopic, renderFollowUpIssue } from "../render/render-follow-up.js";
import type { TopicLocation } from "../render/render-parts.js";
import { renderReminderComment } from "../render/render-reminder.js";
import type { SweepTexts, TrackingIssue } from "./sweep-types.js";

export interface SweepTextsOptions {
  /** `owner/name` holding the wrap-ups. */
  repo: string;
  /** The default branch: follow-ups link to the topic's heading there. */
  ref: string;
  /** Web address of the GitHub instance (GitHub Enterprise Server has its own). */
  webUrl?: string;
  now: Date;
}

/** The renderers of src/render/ behind the planner's seam, for one repository and one sweep. */
export function createSweepTexts(options: SweepTextsOptions): SweepTexts {
  const location = (report: WrapUpReport): TopicLocation => ({
    repo: options.repo,
    ref: options.ref,
    path: report.path,
    ...(options.webUrl ? { webUrl: options.webUrl } : {}),
  });
  const keyOf = (report: WrapUpReport, topic: TopicReport): TopicKey => ({
    repo: options.repo,
    path: report.path,
    anchor: topic.topic.anchor,
  });
  const titleOf = (report: WrapUpReport) => report.title ?? report.path;
  return {
    topicKey: (report, topic) => formatTopicKey(keyOf(report, topic)),
    fingerprint: (topic) => fingerprintTopic(topic),
    followUp: (report, topic, mentions, tracking) => {
      const trackedIn = tracking ? { label: `${tracking.repo.owner}/${tracking.repo.repo}#${tracking.number}`, url: issueUrl(tracking) } : undefined;
      const { title, body } = renderFollowUpIssue({ topic, wrapUpTitle: titleOf(report), location: location(report), mentions, trackedIn, now: options.now });
      return { title, body };
    },
    reminder: (report, topic, mentions) =>
      renderReminderComment({ topic, wrapUpTitle: titleOf(report), key: keyOf(report, topic), location: location(report), mentions, now: options.now }),
    closing: (report, topic) =>
      renderClosingComment({ topic, key: keyOf(report, topic), location: location(report), now: options.now }),
    continued: (report, topic, continuation) =>
      renderContinuedComment({ topic, key: keyOf(report, topic), location: location(report), continuation, now: options.now }),
  };
  function issueUrl(issue: TrackingIssue): string {
    return `${(options.webUrl ?? "https://github.com").replace(/\/+$/, "")}/${issue.repo.owner}/${issue.repo.repo}/issues/${issue.number}`;
  }
}
