import type { Config } from "../config/schema.js";
import { eventLabel, type Threads } from "../progress/find-threads.js";
import type { TopicReport, TopicVerdict, WrapUpReport } from "../progress/types.js";
import type { Approval } from "./decide-approval.js";
import { isWithinHorizon, type TopicGate } from "./gate-topics.js";
import type { SweepAction, TrackingIssue } from "./sweep-types.js";

/**
 * What the dashboard shows, as data (pure): one row per event, the stalled topics of recent
 * events with where they are followed up, threads across events, what a paused sweep would do,
 * problems. `render/render-dashboard.ts` turns it into markdown.
 */

export interface IssueRef {
  /** `owner/name` */
  repo: string;
  number: number;
}

export interface DashboardEvent {
  path: string;
  title: string;
  date: string | null;
  counts: Record<TopicVerdict, number>;
  topics: number;
  /** Our open follow-ups for its topics. */
  followUps: IssueRef[];
  /** Within `followUp.maxEventAgeDays`: its topics may get follow-ups. */
  recent: boolean;
}

export type StalledWhere =
  | { kind: "follow-up"; issue: IssueRef }
  | { kind: "tracking"; issue: IssueRef }
  | { kind: "would-open"; tracking: IssueRef | null }
  | { kind: "would-remind"; issue: IssueRef }
  | { kind: "next-sweep"; tracking: IssueRef | null }
  | { kind: "none"; why: string };

export interface DashboardTopic {
  path: string;
  anchor: string;
  title: string;
  event: string;
}

export interface DashboardStalled extends DashboardTopic {
  reason: string;
  /** ISO date the topic stalled: the dashboard says this, not "N days ago", so it reads the same tomorrow. */
  since: string | null;
  /** Key of the link the verdict is about, when one is. */
  cites: string | null;
  where: StalledWhere;
  continuedFrom: string | null;
}

export interface DashboardThread {
  steps: (DashboardTopic & { verdict: TopicVerdict })[];
  reasons: string[];
  followUp: IssueRef | null;
}

export interface DashboardView {
  title: string;
  approval: Approval;
  horizonDays: number;
  /** What this sweep did (approved) or would do (paused), topic by topic. */
  opens: DashboardTopic[];
  reminds: (DashboardTopic & { issue: IssueRef })[];
  /** Further writes (closing done or continued follow-ups, reminders on ours). */
  otherWrites: number;
  /** Left for later sweeps by `followUp.maxNewPerSweep`. */
  deferred: number;
  /** Stalled topics of events past `followUp.maxEventAgeDays`: held back from follow-ups by the horizon. */
  heldBack: number;
  events: DashboardEvent[];
  stalled: DashboardStalled[];
  threads: DashboardThread[];
  problems: string[];
}

export interface PlanDashboardInput {
  reports: WrapUpReport[];
  threads: Threads;
  gates: Map<string, TopicGate>;
  topicKey: (report: WrapUpReport, topic: TopicReport) => string;
  config: Pick<Config, "followUp" | "dashboard">;
  now: Date;
  approval: Approval;
  /** The sweep's writes: made when approved, only planned while paused. */
  actions: SweepAction[];
  deferred: number;
  /** Topics the plan left alone, and why (exempt, closed by a person, snoozed, reminded recently). */
  skipped: Map<string, string>;
  /** Our open follow-up issues after this sweep's writes, by topic key. */
  openFollowUps: Map<string, IssueRef>;
  /** Tracking issues of stalled topics: those we remind on, and those we may not write to. */
  tracking: Map<string, TrackingIssue>;
  trackingElsewhere: Map<string, TrackingIssue>;
  /** Configuration problems and refused writes, one sentence each. */
  problems: string[];
}

const ref = (issue: TrackingIssue): IssueRef => ({ repo: `${issue.repo.owner}/${issue.repo.repo}`, number: issue.number });

export function planDashboard(input: PlanDashboardInput): DashboardView {
  const byKey = new Map<string, { report: WrapUpReport; topic: TopicReport }>();
  for (const report of input.reports) for (const topic of report.topics) byKey.set(input.topicKey(report, topic), { report, topic });
  const describe = (report: WrapUpReport, topic: TopicReport): DashboardTopic => ({
    path: report.path,
    anchor: topic.topic.anchor,
    title: topic.topic.title || topic.topic.heading,
    event: eventLabel(report),
  });
  const opens = input.actions.flatMap((a) => (a.kind === "create-issue" && byKey.has(a.key) ? [describe(byKey.get(a.key)!.report, byKey.get(a.key)!.topic)] : []));
  const reminds = [...input.tracking].flatMap(([key, issue]) => {
    const reminded = input.actions.some((a) => a.kind === "comment" && a.number === issue.number && sameRepo(a.repo, issue.repo));
    const found = byKey.get(key);
    return reminded && found ? [{ ...describe(found.report, found.topic), issue: ref(issue) }] : [];
  });
  const events = [...input.reports].sort(newestFirst).map((report) => eventRow(report, input));
  return {
    title: input.config.dashboard.title,
    approval: input.approval,
    horizonDays: input.config.followUp.maxEventAgeDays,
    opens,
    reminds,
    otherWrites: input.actions.length - opens.length - reminds.length,
    deferred: input.deferred,
    heldBack: events.filter((e) => !e.recent).reduce((sum, e) => sum + e.counts.stalled, 0),
    events,
    stalled: stalledTopics(input, describe),
    threads: threadRows(input),
    problems: input.problems,
  };
}

function eventRow(report: WrapUpReport, input: PlanDashboardInput): DashboardEvent {
  const followUps = report.topics.flatMap((topic) => {
    const issue = input.openFollowUps.get(input.topicKey(report, topic));
    return issue ? [issue] : [];
  });
  return {
    path: report.path,
    title: report.title ?? report.path,
    date: report.date,
    counts: report.counts,
    topics: report.topics.length,
    followUps,
    recent: isWithinHorizon(report.date, input.now, input.config.followUp.maxEventAgeDays),
  };
}

function stalledTopics(input: PlanDashboardInput, describe: (r: WrapUpReport, t: TopicReport) => DashboardTopic): DashboardStalled[] {
  const rows: DashboardStalled[] = [];
  for (const report of [...input.reports].sort(newestFirst)) {
    if (!isWithinHorizon(report.date, input.now, input.config.followUp.maxEventAgeDays)) continue;
    for (const topic of report.topics) {
      const key = input.topicKey(report, topic);
      if (topic.judgement.verdict !== "stalled" || input.gates.get(key)?.kind === "continued") continue;
      const from = input.threads.of(report.path, topic.topic.anchor)?.from?.event ?? null;
      const { reason, since, cites } = topic.judgement;
      rows.push({ ...describe(report, topic), reason, since, cites: cites ?? null, where: whereFollowedUp(key, input), continuedFrom: from });
    }
  }
  return rows;
}

function whereFollowedUp(key: string, input: PlanDashboardInput): StalledWhere {
  const followUp = input.openFollowUps.get(key);
  if (followUp) return { kind: "follow-up", issue: followUp };
  const skipped = input.skipped.get(key);
  const tracking = input.tracking.get(key);
  if (tracking) {
    const reminding = input.actions.some((a) => a.kind === "comment" && a.number === tracking.number && sameRepo(a.repo, tracking.repo));
    return !input.approval.approved && reminding ? { kind: "would-remind", issue: ref(tracking) } : { kind: "tracking", issue: ref(tracking) };
  }
  const elsewhere = input.trackingElsewhere.get(key);
  const opening = input.actions.some((a) => a.kind === "create-issue" && a.key === key);
  if (opening && !input.approval.approved) return { kind: "would-open", tracking: elsewhere ? ref(elsewhere) : null };
  if (skipped) return { kind: "none", why: skipped };
  if (!input.config.followUp.enabled) return { kind: "none", why: "followUp.enabled is false" };
  // Neither open, nor opened now, nor skipped for a reason: left for a later sweep by maxNewPerSweep.
  return { kind: "next-sweep", tracking: elsewhere ? ref(elsewhere) : null };
}

function threadRows(input: PlanDashboardInput): DashboardThread[] {
  const verdictOf = new Map<string, TopicVerdict>();
  for (const report of input.reports) for (const topic of report.topics) verdictOf.set(`${report.path}#${topic.topic.anchor}`, topic.judgement.verdict);
  const keyOf = new Map<string, string>();
  for (const report of input.reports) for (const topic of report.topics) keyOf.set(`${report.path}#${topic.topic.anchor}`, input.topicKey(report, topic));
  return [...input.threads.list].reverse().map((thread) => {
    const owner = thread.topics.at(-1)!;
    const id = (t: { path: string; anchor: string }) => `${t.path}#${t.anchor}`;
    return {
      steps: thread.topics.map((t) => ({ path: t.path, anchor: t.anchor, title: t.title, event: t.event, verdict: verdictOf.get(id(t)) ?? "untracked" })),
      reasons: thread.reasons,
      followUp: input.openFollowUps.get(keyOf.get(id(owner)) ?? "") ?? null,
    };
  });
}

function newestFirst(a: WrapUpReport, b: WrapUpReport): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? 1 : -1;
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function sameRepo(a: { owner: string; repo: string }, b: { owner: string; repo: string }): boolean {
  return a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
}
