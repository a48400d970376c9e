import type { RepoRef } from "../github/repo-ref.js";
import type { ThreadTopic } from "../progress/find-threads.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";
import type { IssueComment } from "../writes/own-comment.js";

export type { RepoRef };

/** A follow-up issue we opened earlier, found by the stable key in its hidden marker. */
export interface ExistingFollowUp {
  repo: RepoRef;
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  labels: string[];
  /** Stable key of the topic (repository, file path, topic anchor) from the marker. */
  key: string;
  /** Fingerprint of the topic's work links when the issue was last written. */
  fingerprint: string;
  /** `/snooze`: no reminders before this ISO time. */
  snoozedUntil: string | null;
  /** Any update of the issue counts: our last reminder, or a person working in it. */
  updatedAt: string;
}

/** An open issue named in a topic's `tracking`/`issue` field, with our last reminder there. */
export interface TrackingIssue {
  repo: RepoRef;
  number: number;
  /** ISO time of our newest reminder comment on it, null when we never reminded. */
  lastReminderAt: string | null;
  /** Its comments as listed, for the repair of doubled reminders. */
  comments?: IssueComment[];
}

/** Texts the sweep writes; the renderers of src/render/ behind one seam so planning stays pure. */
export interface SweepTexts {
  /** Stable key of a topic: the same for the same repository, file and anchor across runs. */
  topicKey(report: WrapUpReport, topic: TopicReport): string;
  /** Fingerprint of the topic's work links: changes when links are added or removed. */
  fingerprint(topic: TopicReport): string;
  /** `trackedIn`: the topic's tracking issue where we may not comment (the follow-up stands in for it). */
  followUp(report: WrapUpReport, topic: TopicReport, mentions: string[], trackedIn?: TrackingIssue): { title: string; body: string };
  reminder(report: WrapUpReport, topic: TopicReport, mentions: string[]): string;
  closing(report: WrapUpReport, topic: TopicReport): string;
  /** Said when closing our follow-up of a topic that a later event's topic continues. */
  continued(report: WrapUpReport, topic: TopicReport, continuation: ThreadTopic): string;
}

/** One write, as data: a dry run prints these, a real run executes them in order. */
export type SweepAction =
  | {
      kind: "create-issue";
      repo: RepoRef;
      title: string;
      body: string;
      labels: string[];
      /** The topic's people, to assign: those GitHub would not accept are left out when writing. */
      assignees?: string[];
      key: string;
      why: string;
    }
  | { kind: "update-issue"; repo: RepoRef; number: number; body: string; why: string }
  | { kind: "comment"; repo: RepoRef; number: number; body: string; why: string }
  | { kind: "close-issue"; repo: RepoRef; number: number; why: string };

export interface SweepPlan {
  actions: SweepAction[];
  /** Stalled topics left for the next sweep because `maxNewPerSweep` was reached. */
  deferred: number;
  /** Topics skipped and why (exempt, snoozed, reminded recently, closed by a person). */
  skipped: { key: string; why: string }[];
}
