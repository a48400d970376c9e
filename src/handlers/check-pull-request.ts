import type { ProbotOctokit } from "probot";
import type { LoadedConfig } from "../config/load-repo-config.js";
import { fetchFileTexts } from "../github/fetch-file-texts.js";
import { listPrFiles } from "../github/list-pr-files.js";
import { queueGraphql, type GraphqlRequest } from "../github/request-queue.js";
import { hasStatusMarker } from "../render/marker.js";
import { renderStatusComment } from "../render/render-status-comment.js";
import { checkFiles } from "../pipeline/check-files.js";
import { findFirstCommitDate } from "../pipeline/find-event-dates.js";
import { selectCandidatePaths } from "../pipeline/select-paths.js";
import { knownEvents } from "../pipeline/known-events.js";
import { findThreads } from "../progress/find-threads.js";
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
 * The wrap-up PR recipe: 1. config → 2. changed files matching `paths` → 3. their texts at the
 * head commit → 4. check (parse, resolve, judge) → 5. one sticky comment, created or updated.
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
  const candidates = selectCandidatePaths(await listPrFiles(octokit, pr), config ?? { paths: [] });
  if (candidates.length === 0) return { kind: "not-a-wrap-up", files: 0 };
  const raw = octokit.graphql as GraphqlRequest;
  const { files } = await fetchFileTexts(queueGraphql(raw, { scope: pr.scope }), pr, pr.headSha, candidates);
  const now = deps.now();
  const self = await deps.self();
  const checked = await checkFiles(files, {
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
  if (checked.reports.length === 0) return { kind: "not-a-wrap-up", files: files.length };
  const threads = findThreads([
    ...knownEvents(pr, checked.reports.map((r) => r.path)),
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
