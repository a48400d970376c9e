import type { ProbotOctokit } from "probot";
import { loadRepoConfig, type LoadedConfig } from "../config/load-repo-config.js";
import type { Config } from "../config/schema.js";
import { toGithubError } from "../github/errors.js";
import { queueGraphql, type GraphqlRequest } from "../github/request-queue.js";
import type { StateCache } from "../github/state-cache.js";
import { emptyVerdictCounts, type TopicVerdict, type WrapUpReport } from "../progress/types.js";
import { CONFIG_PROBLEMS_MARKER } from "../render/marker.js";
import { renderConfigProblemsIssue } from "../render/render-config-problems.js";
import type { Self } from "../writes/own-comment.js";
import type { KeyedLock } from "../coordination/coordination.js";
import { sharedLock } from "../coordination/shared-locks.js";
import { executeSweepPlan, type ExecutedAction } from "../writes/sync-follow-ups.js";
import { repairOwnIssues, repairTrackingReminders, type RepairOptions } from "../writes/repair-duplicates.js";
import { syncConfigIssue, type ConfigIssueOutcome } from "../writes/upsert-config-issue.js";
import { checkFiles, type CheckFilesResult } from "../pipeline/check-files.js";
import { listOwnIssues, toFollowUps, type OwnIssue } from "./find-follow-ups.js";
import { findFirstCommitDate } from "../pipeline/find-event-dates.js";
import { findTrackingIssues } from "./find-tracking-issues.js";
import { readBranchWrapUps } from "../pipeline/read-branch-wrapups.js";
import type { ReadStats } from "../pipeline/read-wrapups.js";
import { planSweep } from "./plan-sweep.js";
import { createSweepTexts } from "./sweep-texts.js";
import type { ExistingFollowUp, RepoRef, SweepAction, SweepPlan, SweepTexts, TrackingIssue } from "./sweep-types.js";
import type { ApprovalReason } from "./decide-approval.js";
import { dropRefusedWrites, prepareFollowUpContext, previewConfig, type FollowUpContext } from "./follow-up-context.js";
import { syncDashboard } from "./sweep-dashboard.js";
import type { DashboardOutcome } from "../writes/upsert-dashboard.js";

export interface RunSweepOptions {
  now: Date;
  /** `--dry-run`; `dryRun: true` in the config has the same effect. */
  dryRun: boolean;
  /** Queue scope (installation id or token owner). */
  scope: string;
  self: Self;
  bypassCache?: boolean;
  /** The resolver's cache: process-wide when absent, none when null. */
  cache?: StateCache | null;
  /** Raw GraphQL function to use instead of `octokit.graphql` (not a queued one: it is queued here). */
  graphql?: GraphqlRequest;
  /** The repository's config when the caller has read it already (the push handler does, to pick paths). */
  config?: LoadedConfig;
  /** Per-repository lock; default: the process-wide one (leases in Redis when the app has `REDIS_URL`). */
  lock?: KeyedLock;
}

export interface SweepSummary {
  repo: string;
  status: "swept" | "config-invalid" | "config-unavailable";
  dryRun: boolean;
  /** Wrap-up files judged. */
  files: number;
  /** The markdown files looked at to find them: how many came from the blob memo, were fetched, were parsed. */
  /** `unreadable`: files too large or too complex to parse (named on the dashboard). */
  read?: { candidates: number; fromMemo: number; fetched: number; parsed: number; unreadable: number };
  topics: Record<TopicVerdict, number>;
  actions: ExecutedAction[];
  writes: number;
  failed: number;
  deferred: number;
  /** Duplicates of our own items closed or deleted (oldest kept). */
  repaired: number;
  /** Look-ups spent finding out whether a create GitHub failed on had landed. */
  lookups: number;
  /** Topics left alone because some of their links could not be checked (unknown is not evidence). */
  unchecked: number;
  /** Why the first of them could not be checked (e.g. GitHub did not answer in time). */
  uncheckedReason?: string;
  /** The rate limit that ended the writes early, when one did (the rest is `deferred`). */
  stoppedBy?: string;
  configIssue: ConfigIssueOutcome;
  graphqlRequests: number;
  points: number;
  cacheHits: number;
  problems?: string[];
  error?: string;
  /** Why follow-ups ran or waited: `followUp.approval: none`, the dashboard's box, or a new repository. */
  approval?: ApprovalReason;
  /** The dashboard issue; not counted in `writes`. */
  dashboard?: DashboardOutcome | "failed";
  /** The dashboard issue's number, when it exists (not in a dry run that would create it). */
  dashboardIssue?: number;
  dashboardError?: string;
}

/**
 * The sweep of one repository: 1. config → 2. wrap-up files on the default branch → 3. their
 * texts in batch → 4. check → 5. our follow-ups, the dashboard's box, tracking reminders → 6. plan
 * → 7. execute (once a person ticked the box, see follow-up-context.ts) → 8. the dashboard.
 * While the config is invalid, the only write is the one issue describing its problems.
 * Two sweeps of the same repository never overlap: the second plans from what the first wrote,
 * so a push arriving during a scheduled sweep cannot open the same follow-up twice — on any replica.
 */
export function runSweep(octokit: ProbotOctokit, repo: RepoRef, options: RunSweepOptions): Promise<SweepSummary> {
  const key = `${repo.owner}/${repo.repo}`.toLowerCase();
  const withRepositoryLock = options.lock ?? sharedLock("repository");
  return withRepositoryLock(key, () => sweepRepository(octokit, repo, options));
}

async function sweepRepository(octokit: ProbotOctokit, repo: RepoRef, options: RunSweepOptions): Promise<SweepSummary> {
  const summary = emptySummary(repo, options.dryRun);
  const loaded = options.config ?? (await loadRepoConfig(octokit, repo));
  if (loaded.ok === "unavailable") return { ...summary, status: "config-unavailable", error: loaded.error };
  const dryRun = options.dryRun || (loaded.ok && loaded.config.dryRun);
  summary.dryRun = dryRun;
  const { data: info } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
  const repair: RepairOptions = { dryRun, self: options.self, repairs: [] };
  const own = await repairOwnIssues(octokit, repo, await listOwnIssues(octokit, repo, options.self), repair);
  const configIssue = loaded.ok
    ? null
    : renderConfigProblemsIssue({ problems: loaded.problems, now: options.now });
  summary.configIssue = await syncConfigIssue(octokit, repo, own, configIssue, {
    isConfigIssue: (body) => body.includes(CONFIG_PROBLEMS_MARKER),
    dryRun,
    self: options.self,
  });
  if (!loaded.ok) return { ...summary, status: "config-invalid", problems: loaded.problems };
  const graphql = options.graphql ?? (octokit.graphql as GraphqlRequest);
  const checked = await checkDefaultBranch(octokit, repo, info.default_branch, loaded.config, graphql, options);
  const reports = checked.reports;
  summary.files = reports.length;
  summary.read = { candidates: checked.read.files, fromMemo: checked.read.fromMemo, fetched: checked.read.fetched, parsed: checked.read.parsed, unreadable: checked.read.unreadable.length };
  for (const report of reports) for (const topic of report.topics) summary.topics[topic.judgement.verdict as TopicVerdict] += 1;
  Object.assign(summary, { graphqlRequests: checked.graphqlRequests, points: checked.stats.points, cacheHits: checked.stats.cacheHits });
  const where = { ref: info.default_branch, webUrl: new URL(info.html_url).origin };
  const configProblems = [...(loaded.warnings ?? [])];
  const planned = await planRepository(octokit, repo, reports, checked, loaded.config, own, { ...options, ...where, repair, configProblems });
  summary.approval = planned.context.approval.why;
  // Not approved (yet): the plan is only shown, on the dashboard and as `planned` here.
  const executed = await executeSweepPlan(octokit, planned.kept, { dryRun: dryRun || !planned.context.approval.approved, self: options.self });
  summary.actions = executed.actions;
  summary.writes = summary.actions.filter((a) => a.outcome === "done").length;
  summary.failed = summary.actions.filter((a) => a.outcome === "failed").length;
  summary.deferred = planned.plan.deferred + summary.actions.filter((a) => a.outcome === "deferred").length;
  Object.assign(summary, { repaired: repair.repairs.length, lookups: executed.lookups, unchecked: countUnchecked(reports) });
  const firstUnchecked = reports.flatMap((r) => r.topics.flatMap((t) => t.judgement.links)).find((l) => l.verdict === "unchecked");
  if (firstUnchecked) summary.uncheckedReason = firstUnchecked.reason;
  // Out of budget: nothing more is written this sweep, the dashboard included; the next sweep resumes.
  if (executed.stoppedBy) {
    summary.stoppedBy = executed.stoppedBy.message;
    return summary;
  }
  const dashboard = await syncDashboard(octokit, repo, {
    ...planned,
    reports,
    config: loaded.config,
    executed: summary.actions,
    configProblems,
    now: options.now,
    ...where,
    dryRun,
    self: options.self,
    unreadable: checked.read.unreadable,
  }).catch((error: unknown) => ((summary.dashboardError = (error as Error).message), { outcome: "failed" as const, number: null }));
  summary.dashboard = dashboard.outcome;
  if (dashboard.number !== null) summary.dashboardIssue = dashboard.number;
  return summary;
}

async function checkDefaultBranch(
  octokit: ProbotOctokit,
  repo: RepoRef,
  branch: string,
  config: Config,
  graphql: GraphqlRequest,
  options: RunSweepOptions,
): Promise<CheckFilesResult & { graphqlRequests: number; read: ReadStats }> {
  const read = await readBranchWrapUps(octokit, repo, branch, config, queueGraphql(graphql, { scope: options.scope }));
  const checked = await checkFiles(read.wrapUps, {
    config,
    graphql,
    scope: options.scope,
    now: options.now,
    bypassCache: options.bypassCache ?? false,
    selfLogin: options.self.login,
    cache: options.cache,
    eventDateOf: (path) => findFirstCommitDate(octokit, repo, branch, path),
  });
  return { ...checked, graphqlRequests: read.graphqlRequests + checked.stats.graphqlRequests, read: read.stats };
}

interface PlannedSweep {
  plan: SweepPlan;
  /** The plan's writes GitHub would accept; the others are reported, never attempted. */
  kept: SweepAction[];
  dropped: SweepAction[];
  context: FollowUpContext;
  existing: ExistingFollowUp[];
  tracking: Map<string, TrackingIssue>;
  trackingElsewhere: Map<string, TrackingIssue>;
  topicKey: SweepTexts["topicKey"];
}

async function planRepository(
  octokit: ProbotOctokit,
  repo: RepoRef,
  reports: WrapUpReport[],
  checked: CheckFilesResult,
  config: Config,
  own: OwnIssue[],
  options: RunSweepOptions & { ref: string; webUrl: string; repair: RepairOptions; configProblems: string[] },
): Promise<PlannedSweep> {
  const followUpRepo = parseRepo(config.followUp.repo) ?? repo;
  const sameRepo = followUpRepo.owner.toLowerCase() === repo.owner.toLowerCase() && followUpRepo.repo.toLowerCase() === repo.repo.toLowerCase();
  const followUpIssues = sameRepo ? own : await listFollowUpRepoIssues(octokit, followUpRepo, options);
  if (followUpIssues === null) {
    // A followUp.repo we cannot reach is a config problem: the rest of the sweep (dashboard included) goes on.
    options.configProblems.push(`followUp.repo: ${config.followUp.repo} does not exist or wrapup-tracker is not installed there; no follow-up is opened until it is fixed`);
    config = { ...config, followUp: { ...config.followUp, enabled: false } };
  }
  const texts = createSweepTexts({ repo: `${repo.owner}/${repo.repo}`, ref: options.ref, webUrl: options.webUrl, now: options.now });
  const existing = toFollowUps(followUpIssues ?? [], followUpRepo);
  const context = prepareFollowUpContext(octokit, repo, { reports, config, own, followUps: existing, topicKey: texts.topicKey, self: options.self, now: options.now });
  const trackingElsewhere = new Map<string, TrackingIssue>();
  const tracking = await findTrackingIssues(octokit, reports, texts.topicKey, options.self, {
    wanted: (key) => context.gates.get(key)?.kind === "open",
    canWrite: context.canWrite,
    elsewhere: trackingElsewhere,
  });
  await repairTrackingReminders(octokit, tracking.values(), options.repair);
  const plan = planSweep({
    reports,
    // While paused, the plan is what the dashboard says the app would do.
    config: context.approval.approved ? config : previewConfig(config),
    now: options.now,
    followUpRepo,
    existing,
    tracking,
    authorsOf: checked.authorsOf,
    texts,
    gates: context.gates,
    trackingElsewhere,
  });
  const { kept, dropped } = await dropRefusedWrites(plan.actions, context.canWrite);
  return { plan, kept, dropped, context, existing, tracking, trackingElsewhere, topicKey: texts.topicKey };
}

/** Our issues in `followUp.repo`; null when GitHub says it is not there for us (404, 403, 410). */
async function listFollowUpRepoIssues(octokit: ProbotOctokit, repo: RepoRef, options: { self: Self; repair: RepairOptions }): Promise<OwnIssue[] | null> {
  let issues: OwnIssue[];
  try {
    issues = await listOwnIssues(octokit, repo, options.self);
  } catch (raw) {
    const error = toGithubError(raw);
    if (error.kind === "not-found" || error.kind === "forbidden" || (raw as { status?: number }).status === 410) return null;
    throw error;
  }
  return repairOwnIssues(octokit, repo, issues, options.repair);
}

function parseRepo(fullName: string | null): RepoRef | null {
  if (!fullName) return null;
  const [owner, name] = fullName.split("/");
  return owner && name ? { owner, repo: name } : null;
}

function emptySummary(repo: RepoRef, dryRun: boolean): SweepSummary {
  return {
    repo: `${repo.owner}/${repo.repo}`,
    status: "swept",
    dryRun,
    files: 0,
    topics: emptyVerdictCounts(),
    actions: [],
    writes: 0,
    failed: 0,
    deferred: 0,
    repaired: 0,
    lookups: 0,
    unchecked: 0,
    configIssue: "none",
    graphqlRequests: 0,
    points: 0,
    cacheHits: 0,
  };
}

function countUnchecked(reports: WrapUpReport[]): number {
  return reports.flatMap((r) => r.topics).filter((t) => t.judgement.links.some((l) => l.verdict === "unchecked")).length;
}

/** The run's one summary line's fields: files, topics by verdict, writes, requests, points, cache hits. */
export function summarizeSweep(summary: SweepSummary): Record<string, unknown> {
  const { actions, ...rest } = summary;
  return { ...rest, planned: actions.filter((a) => a.outcome === "planned").length };
}
