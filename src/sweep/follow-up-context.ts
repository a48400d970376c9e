import type { ProbotOctokit } from "probot";
import type { Config } from "../config/schema.js";
import { createWriteAccess, type CanWrite } from "../github/write-access.js";
import { findThreads, type Threads } from "../progress/find-threads.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";
import { readStartBox } from "../render/dashboard-marker.js";
import type { Self } from "../writes/own-comment.js";
import { findDashboard } from "../writes/upsert-dashboard.js";
import { decideApproval, type Approval } from "./decide-approval.js";
import type { OwnIssue } from "./find-follow-ups.js";
import { gateTopics, type TopicGate } from "./gate-topics.js";
import type { ExistingFollowUp, RepoRef, SweepAction } from "./sweep-types.js";

/** What a sweep knows before planning: threads, gates, the dashboard and its box, where it may write. */
export interface FollowUpContext {
  threads: Threads;
  gates: Map<string, TopicGate>;
  dashboard: OwnIssue | null;
  approval: Approval;
  canWrite: CanWrite;
}

export function prepareFollowUpContext(
  octokit: ProbotOctokit,
  repo: RepoRef,
  input: {
    reports: WrapUpReport[];
    config: Config;
    /** Our issues in the wrap-up repository (the dashboard lives there). */
    own: OwnIssue[];
    /** Our follow-ups, wherever they are. */
    followUps: ExistingFollowUp[];
    topicKey: (report: WrapUpReport, topic: TopicReport) => string;
    self: Self;
    now: Date;
  },
): FollowUpContext {
  const events = input.reports.map((r) => ({ path: r.path, title: r.title, date: r.date, topics: r.topics.map((t) => t.topic) }));
  const threads = findThreads(events);
  const dashboard = findDashboard(input.own);
  const box = dashboard ? readStartBox(dashboard.body) : null;
  return {
    threads,
    gates: gateTopics(input.reports, input.topicKey, { threads, now: input.now, config: input.config }),
    dashboard,
    approval: decideApproval(input.config, dashboard ? { ticked: box === true } : null, input.followUps.length > 0),
    canWrite: createWriteAccess(octokit, { self: input.self, home: repo }),
  };
}

/** While paused, the plan is a preview of everything there is to do: no per-sweep cap. */
export function previewConfig(config: Config): Config {
  return { ...config, followUp: { ...config.followUp, maxNewPerSweep: Number.MAX_SAFE_INTEGER } };
}

/** Writes GitHub would refuse (a repository outside the installation) are never attempted. */
export async function dropRefusedWrites(actions: SweepAction[], canWrite: CanWrite): Promise<{ kept: SweepAction[]; dropped: SweepAction[] }> {
  const kept: SweepAction[] = [];
  const dropped: SweepAction[] = [];
  for (const action of actions) (await canWrite(action.repo) ? kept : dropped).push(action);
  return { kept, dropped };
}
