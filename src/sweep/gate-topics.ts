import type { Config } from "../config/schema.js";
import type { Threads, ThreadTopic } from "../progress/find-threads.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";

/**
 * Which topics a sweep may follow up, before any state is looked at (pure, `now` injected):
 * - an earlier topic of a thread is `continued`: its thread's latest topic owns the one follow-up;
 * - a topic of an event older than `followUp.maxEventAgeDays` is `too-old`: shown on the
 *   dashboard, never a new follow-up or reminder;
 * - every other topic is `open`.
 */
export type TopicGate =
  | { kind: "open" }
  | { kind: "too-old"; ageDays: number }
  | { kind: "continued"; continuation: ThreadTopic };

const DAY_MS = 86_400_000;

/** Whole days from the event to `now`; null when the event's date is unknown. */
export function eventAgeDays(date: string | null, now: Date): number | null {
  const at = date ? Date.parse(date) : Number.NaN;
  return Number.isNaN(at) ? null : Math.floor((now.getTime() - at) / DAY_MS);
}

/** An event is within the horizon up to and including `maxAgeDays` days old; an undated one always. */
export function isWithinHorizon(date: string | null, now: Date, maxAgeDays: number): boolean {
  const age = eventAgeDays(date, now);
  return age === null || age <= maxAgeDays;
}

export function gateTopic(
  report: WrapUpReport,
  topic: TopicReport,
  options: { threads: Threads; now: Date; config: Pick<Config, "followUp"> },
): TopicGate {
  const continuity = options.threads.of(report.path, topic.topic.anchor);
  if (continuity?.in) return { kind: "continued", continuation: continuity.thread.topics.at(-1)! };
  if (!isWithinHorizon(report.date, options.now, options.config.followUp.maxEventAgeDays)) {
    return { kind: "too-old", ageDays: eventAgeDays(report.date, options.now)! };
  }
  return { kind: "open" };
}

/** The gate of every topic, by topic key. */
export function gateTopics(
  reports: WrapUpReport[],
  topicKey: (report: WrapUpReport, topic: TopicReport) => string,
  options: { threads: Threads; now: Date; config: Pick<Config, "followUp"> },
): Map<string, TopicGate> {
  const gates = new Map<string, TopicGate>();
  for (const report of reports) for (const topic of report.topics) gates.set(topicKey(report, topic), gateTopic(report, topic, options));
  return gates;
}
