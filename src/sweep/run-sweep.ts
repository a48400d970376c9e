import type { ProbotOctokit } from "probot";
import { loadRepoConfig, type LoadedConfig } from "../config/load-repo-config.js";
import type { Config } from "../config/schema.js";
import { fetchFileTexts } from "../github/fetch-file-texts.js";
import { queueGraphql, type GraphqlRequest } from "../github/request-queue.js";
import type { StateCache } from "../github/state-cache.js";
import type { TopicVerdict, WrapUpReport } from "../progress/types.js";
import { CONFIG_PROBLEMS_MARKER } from "../render/marker.js";
import { renderConfigProblemsIssue } from "../render/render-config-problems.js";
import type { Self } from "../writes/own-comment.js";
import { createKeyedLock } from "../writes/keyed-lock.js";
import { executeSweepPlan, type ExecutedAction } from "../writes/sync-follow-ups.js";
import { repairOwnIssues, repairTrackingReminders, type RepairOptions } from "../writes/repair-duplicates.js";
import { syncConfigIssue, type ConfigIssueOutcome } from "../writes/upsert-config-issue.js";
import { checkFiles, type CheckFilesResult } from "../pipeline/check-files.js";
import { listOwnIssues, toFollowUps, type OwnIssue } from "./find-follow-ups.js";
import { findFirstCommitDate } from "../pipeline/find-event-dates.js";
import { findTrackingIssues } from "./find-tracking-issues.js";
import { listWrapUpFiles } from "../pipeline/list-wrapup-files.js";
import { planSweep } from "./plan-sweep.js";
import { createSweepTexts } from "./sweep-texts.js";
import type { RepoRef, SweepAction } from "./sweep-types.js";

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
}

export interface SweepSummary {
  repo: string;
  status: "swept" | "config-invalid" | "config-unavailable";
  dryRun: boolean;
  files: number;
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
  /** The rate limit that ended the writes early, when one did (the rest is `deferred`). */
  stoppedBy?: string;
  configIssue: ConfigIssueOutcome;
  graphqlRequests: number;
  points: number;
  cacheHits: number;
  problems?: string[];
  error?: string;
}

/** Sweeps of one repository run one after another, whatever started them (timer, push, CLI). */
const withRepositoryLock = createKeyedLock();

/**
 * The sweep of one repository: 1. config → 2. wrap-up files on the default branch → 3. their
 * texts in batch → 4. check → 5. our follow-ups and tracking reminders → 6. plan → 7. execute.
 * While the config is invalid, the only write is the one issue describing its problems.
 * Two sweeps of the same repository never overlap: the second plans from what the first wrote,
 * so a push arriving during a scheduled sweep cannot open the same follow-up twice.
 */
export function runSweep(octokit: ProbotOctokit, repo: RepoRef, options: RunSweepOptions): Promise<SweepSummary> {
  const key = `${repo.owner}/${repo.repo}`.toLowerCase();
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
  for (const report of reports) for (const topic of report.topics) summary.topics[topic.judgement.verdict as TopicVerdict] += 1;
  Object.assign(summary, { graphqlRequests: checked.graphqlRequests, points: checked.stats.points, cacheHits: checked.stats.cacheHits });
  const actions = await planRepository(octokit, repo, reports, checked, loaded.config, own, {
    ...options,
    ref: info.default_branch,
    webUrl: new URL(info.html_url).origin,
    repair,
  });
  const executed = await executeSweepPlan(octokit, actions.actions, { dryRun, self: options.self });
  summary.actions = executed.actions;
  summary.writes = summary.actions.filter((a) => a.outcome === "done").length;
  summary.failed = summary.actions.filter((a) => a.outcome === "failed").length;
  summary.deferred = actions.deferred + summary.actions.filter((a) => a.outcome === "deferred").length;
  Object.assign(summary, { repaired: repair.repairs.length, lookups: executed.lookups, unchecked: countUnchecked(reports) });
  if (executed.stoppedBy) summary.stoppedBy = executed.stoppedBy.message;
  return summary;
}

async function checkDefaultBranch(
  octokit: ProbotOctokit,
  repo: RepoRef,
  branch: string,
  config: Config,
  graphql: GraphqlRequest,
  options: RunSweepOptions,
): Promise<CheckFilesResult & { graphqlRequests: number }> {
  const listed = await listWrapUpFiles(octokit, repo, branch, config);
  const texts = await fetchFileTexts(queueGraphql(graphql, { scope: options.scope }), repo, branch, listed.paths);
  const checked = await checkFiles(texts.files, {
    config,
    graphql,
    scope: options.scope,
    now: options.now,
    bypassCache: options.bypassCache ?? false,
    selfLogin: options.self.login,
    cache: options.cache,
    eventDateOf: (path) => findFirstCommitDate(octokit, repo, branch, path),
  });
  return { ...checked, graphqlRequests: texts.graphqlRequests + checked.stats.graphqlRequests };
}

async function planRepository(
  octokit: ProbotOctokit,
  repo: RepoRef,
  reports: WrapUpReport[],
  checked: CheckFilesResult,
  config: Config,
  own: OwnIssue[],
  options: RunSweepOptions & { ref: string; webUrl: string; repair: RepairOptions },
): Promise<{ actions: SweepAction[]; deferred: number }> {
  const followUpRepo = parseRepo(config.followUp.repo) ?? repo;
  const sameRepo = followUpRepo.owner.toLowerCase() === repo.owner.toLowerCase() && followUpRepo.repo.toLowerCase() === repo.repo.toLowerCase();
  const followUpIssues = sameRepo ? own : await repairOwnIssues(octokit, followUpRepo, await listOwnIssues(octokit, followUpRepo, options.self), options.repair);
  const texts = createSweepTexts({ repo: `${repo.owner}/${repo.repo}`, ref: options.ref, webUrl: options.webUrl, now: options.now });
  const tracking = await findTrackingIssues(octokit, reports, texts.topicKey, options.self);
  await repairTrackingReminders(octokit, tracking.values(), options.repair);
  const plan = planSweep({
    reports,
    config,
    now: options.now,
    followUpRepo,
    existing: toFollowUps(followUpIssues, followUpRepo),
    tracking,
    authorsOf: checked.authorsOf,
    texts,
  });
  return { actions: plan.actions, deferred: plan.deferred };
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
    topics: { done: 0, active: 0, stalled: 0, untracked: 0 },
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
  return reports.flatMap((r) => r.topics).filter((t) => t.judgement.links.some((l) => l.verdict === "error")).length;
}

/** The run's one summary line's fields: files, topics by verdict, writes, requests, points, cache hits. */
export function summarizeSweep(summary: SweepSummary): Record<string, unknown> {
  const { actions, ...rest } = summary;
  return { ...rest, planned: actions.filter((a) => a.outcome === "planned").length };
}
