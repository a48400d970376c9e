import type { ProbotOctokit } from "probot";
import type { Config } from "../config/schema.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";
import { renderDashboard } from "../render/render-dashboard.js";
import type { Self } from "../writes/own-comment.js";
import { describeAction, type ExecutedAction } from "../writes/sync-follow-ups.js";
import { upsertDashboard, type DashboardOutcome } from "../writes/upsert-dashboard.js";
import type { FollowUpContext } from "./follow-up-context.js";
import { planDashboard, type IssueRef } from "./plan-dashboard.js";
import type { ExistingFollowUp, RepoRef, SweepAction, SweepPlan, TrackingIssue } from "./sweep-types.js";

export interface SyncDashboardInput {
  reports: WrapUpReport[];
  config: Config;
  context: FollowUpContext;
  topicKey: (report: WrapUpReport, topic: TopicReport) => string;
  plan: SweepPlan;
  /** What the sweep executed (approved), else nothing. */
  executed: ExecutedAction[];
  /** Writes not attempted because GitHub would refuse them. */
  dropped: SweepAction[];
  existing: ExistingFollowUp[];
  tracking: Map<string, TrackingIssue>;
  trackingElsewhere: Map<string, TrackingIssue>;
  now: Date;
  ref: string;
  webUrl: string;
  dryRun: boolean;
  /** Who writes: the dashboard is looked up by its marker among this author's issues after a failed create. */
  self: Self;
  /** Config problems that did not stop the sweep (an unreachable `followUp.repo` or `_extends` target). */
  configProblems?: string[];
  /** Files too large or too complex to read: each is a problem on the dashboard (it may be a wrap-up). */
  unreadable?: { path: string; reason: string }[];
}

/** Last step of a sweep: the dashboard, rendered from what the sweep found and did, written when changed. */
export async function syncDashboard(
  octokit: ProbotOctokit,
  repo: RepoRef,
  input: SyncDashboardInput,
): Promise<{ outcome: DashboardOutcome; number: number | null }> {
  const view = planDashboard({
    reports: input.reports,
    threads: input.context.threads,
    gates: input.context.gates,
    topicKey: input.topicKey,
    config: input.config,
    now: input.now,
    approval: input.context.approval,
    actions: input.plan.actions,
    deferred: input.plan.deferred,
    skipped: new Map(input.plan.skipped.map((s) => [s.key, s.why])),
    openFollowUps: openFollowUpsAfter(input.existing, input.executed),
    tracking: input.tracking,
    trackingElsewhere: input.trackingElsewhere,
    problems: findProblems(input),
  });
  const body = renderDashboard(view, { now: input.now, repo: `${repo.owner}/${repo.repo}`, ref: input.ref, webUrl: input.webUrl });
  return upsertDashboard(octokit, repo, input.context.dashboard, { title: input.config.dashboard.title, body }, { dryRun: input.dryRun, self: input.self });
}

/** Our open follow-ups once this sweep's writes are made: the newest per topic, opened now or before. */
function openFollowUpsAfter(existing: ExistingFollowUp[], executed: ExecutedAction[]): Map<string, IssueRef> {
  const closed = new Set(executed.flatMap((e) => (e.outcome === "done" && e.action.kind === "close-issue" ? [`${e.action.repo.owner}/${e.action.repo.repo}#${e.action.number}`.toLowerCase()] : [])));
  const open = new Map<string, IssueRef>();
  for (const followUp of [...existing].sort((a, b) => a.number - b.number)) {
    const repo = `${followUp.repo.owner}/${followUp.repo.repo}`;
    if (followUp.state === "open" && !closed.has(`${repo}#${followUp.number}`.toLowerCase())) open.set(followUp.key, { repo, number: followUp.number });
    else open.delete(followUp.key);
  }
  for (const { action, outcome, number } of executed) {
    if (action.kind === "create-issue" && outcome === "done" && number !== undefined) open.set(action.key, { repo: `${action.repo.owner}/${action.repo.repo}`, number });
  }
  return open;
}

/** Problems worth a person's attention, one sentence each: refused or failed writes, undated events, unknown exempt anchors. */
function findProblems(input: SyncDashboardInput): string[] {
  const problems: string[] = [...(input.configProblems ?? [])];
  for (const action of input.dropped) {
    problems.push(`not attempted, wrapup-tracker is not installed on ${action.repo.owner}/${action.repo.repo}: ${describeAction(action)}`);
  }
  for (const { action, outcome, error } of input.executed) {
    if (outcome === "failed") problems.push(`GitHub refused a write: ${describeAction(action)} — ${error ?? "unknown error"}`);
  }
  for (const { path, reason } of input.unreadable ?? []) {
    problems.push(`${path} was not checked, ${reason}`);
  }
  for (const report of input.reports) {
    if (!report.date) problems.push(`${report.path} states no event date and its first commit was not found: followUp.maxEventAgeDays cannot apply to it`);
  }
  const anchors = new Set(input.reports.flatMap((r) => r.topics.map((t) => t.topic.anchor)));
  for (const anchor of input.config.exempt.topics) {
    if (!anchors.has(anchor)) problems.push(`exempt.topics: no topic has the anchor "${anchor}"`);
  }
  return problems;
}
