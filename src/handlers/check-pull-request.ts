import { readingOptionsOf } from "../pipeline/reading-options.js";
import type { ProbotOctokit } from "probot";
import type { LoadedConfig } from "../config/load-repo-config.js";
import type { Config } from "../config/schema.js";
import { fetchFileTexts } from "../github/fetch-file-texts.js";
import { listPrFiles } from "../github/list-pr-files.js";
import { queueGraphql, type GraphqlRequest } from "../github/request-queue.js";
import { hasStatusMarker } from "../render/marker.js";
import { renderStatusComment } from "../render/render-status-comment.js";
import { checkFiles } from "../pipeline/check-files.js";
import { findFirstCommitDate } from "../pipeline/find-event-dates.js";
import { readBranchWrapUps } from "../pipeline/read-branch-wrapups.js";
import { readWrapUps } from "../pipeline/read-wrapups.js";
import { needsTopics, selectCandidatePaths } from "../pipeline/select-paths.js";
import { findThreads, type ThreadEvent } from "../progress/find-threads.js";
import { comparableBody } from "../writes/comparable-body.js";
import { upsertStatusComment, type UpsertOutcome } from "../writes/upsert-status-comment.js";
import type { AppDeps } from "./app-deps.js";

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  headSha: string;
  /** Queue scope: the installation, so one installation's GraphQL requests run one at a time. */
  scope: string;
  /** Web address of the GitHub instance, for links to the wrap-up's headings. */
  webUrl?: string;
  /** The repository's default branch: a wrap-up without a date counts its grace from its first commit there. */
  defaultBranch?: string;
}

export type PullRequestOutcome =
  | { kind: "written"; outcome: UpsertOutcome; files: number; topics: number }
  | { kind: "not-a-wrap-up"; files: number }
  | { kind: "config-unavailable"; error: string };

/**
 * The wrap-up PR recipe: 1. config → 2. changed files matching `paths` → 3. their texts at the head
 * commit, read and classified → 4. check the wrap-ups (resolve, judge) → 5. one sticky comment,
 * created or updated. A PR that changes no wrap-up (a release note, a docs page) gets no comment.
 */
export async function checkPullRequest(
  octokit: ProbotOctokit,
  pr: PullRequestRef,
  deps: AppDeps,
  options: { loadConfig: () => Promise<LoadedConfig>; bypassCache: boolean; words?: string[] },
): Promise<PullRequestOutcome> {
  const loaded = await options.loadConfig();
  if (loaded.ok === "unavailable") return { kind: "config-unavailable", error: loaded.error };
  // While the config is invalid its `paths` are unknown: fall back to the defaults to spot wrap-ups.
  const config = loaded.ok ? loaded.config : undefined;
  const changed = await listPrFiles(octokit, pr);
  const chosen = new Set(selectCandidatePaths(changed.map((file) => file.path), config ?? { paths: [] }));
  const candidates = changed.filter((file) => chosen.has(file.path));
  if (candidates.length === 0) return { kind: "not-a-wrap-up", files: 0 };
  const raw = octokit.graphql as GraphqlRequest;
  const queued = queueGraphql(raw, { scope: pr.scope });
  const read = await readWrapUps(candidates, (paths) => fetchFileTexts(queued, pr, pr.headSha, paths), {
    everyFile: !!config && !needsTopics(config),
    reading: readingOptionsOf(config),
  });
  const now = deps.now();
  const self = await deps.self();
  const checked = await checkFiles(read.wrapUps, {
    config: config ?? null,
    graphql: raw,
    scope: pr.scope,
    now,
    bypassCache: options.bypassCache,
    words: options.words,
    selfLogin: self.login,
    cache: deps.stateCache,
    ...(pr.defaultBranch ? { eventDateOf: (path: string) => findFirstCommitDate(octokit, pr, pr.defaultBranch!, path) } : {}),
  });
  if (checked.reports.length === 0) return { kind: "not-a-wrap-up", files: read.wrapUps.length };
  const earlier = pr.defaultBranch ? await readEarlierEvents(octokit, pr, pr.defaultBranch, { config, queued, changed: changed.map((f) => f.path) }) : [];
  const threads = findThreads([
    ...earlier,
    ...checked.reports.map((r) => ({ path: r.path, title: r.title, date: r.date, topics: r.topics.map((t) => t.topic) })),
  ]);
  const body = renderStatusComment(checked.reports, {
    now,
    continuity: (path, anchor) => {
      const found = threads.of(path, anchor);
      return found && { from: found.from?.event ?? null, in: found.in?.event ?? null };
    },
    repo: `${pr.owner}/${pr.repo}`,
    ref: pr.headSha,
    ...(pr.webUrl ? { webUrl: pr.webUrl } : {}),
    ...(loaded.ok ? {} : { configProblems: loaded.problems }),
  });
  const outcome = await upsertStatusComment({
    octokit,
    owner: pr.owner,
    repo: pr.repo,
    issueNumber: pr.number,
    body,
    self,
    hasMarker: hasStatusMarker,
    comparable: comparableBody,
    dryRun: config?.dryRun ?? false,
  });
  const topics = checked.reports.reduce((sum, report) => sum + report.topics.length, 0);
  return { kind: "written", outcome, files: checked.reports.length, topics };
}

/**
 * The other wrap-ups of the repository (its default branch, read through the blob memo: one tree
 * listing, texts only for blobs not read before), for "continued from 12/2024" in the comment. The
 * files the pull request changes count in their new version, so they are left out here.
 */
async function readEarlierEvents(
  octokit: ProbotOctokit,
  repo: PullRequestRef,
  branch: string,
  input: { config: Config | undefined; queued: GraphqlRequest; changed: string[] },
): Promise<ThreadEvent[]> {
  const changed = new Set(input.changed);
  const read = await readBranchWrapUps(octokit, repo, branch, input.config ?? { paths: [] }, input.queued);
  const wrapUps = read.wrapUps.filter((w) => w.kind === "wrap-up" && !changed.has(w.path));
  return Promise.all(
    wrapUps.map(async (w) => ({
      path: w.path,
      title: w.title,
      date: w.date ?? (await findFirstCommitDate(octokit, repo, branch, w.path)),
      topics: w.topics,
    })),
  );
}
