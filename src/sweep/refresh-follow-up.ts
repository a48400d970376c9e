import { readingOptionsOf } from "../pipeline/reading-options.js";
import type { ProbotOctokit } from "probot";
import type { Config } from "../config/schema.js";
import { fetchFileTexts } from "../github/fetch-file-texts.js";
import { queueGraphql, type GraphqlRequest } from "../github/request-queue.js";
import type { StateCache } from "../github/state-cache.js";
import type { FollowUpMarker } from "../render/marker.js";
import type { Self } from "../writes/own-comment.js";
import { sameBody } from "../writes/comparable-body.js";
import { postCommentOnce } from "../writes/write-once.js";
import { checkFiles } from "../pipeline/check-files.js";
import { readWrapUps } from "../pipeline/read-wrapups.js";
import { findFirstCommitDate } from "../pipeline/find-event-dates.js";
import { readSnooze, writeSnooze } from "./snooze-note.js";
import { createSweepTexts } from "./sweep-texts.js";

export type FollowUpRefreshOutcome = "updated" | "unchanged" | "closed" | "topic-gone";

/**
 * `/refresh` typed in one of our follow-up issues: re-check its topic (cache bypassed) from the
 * wrap-up on the default branch, rewrite the issue body when it changed (keeping a `/snooze`), and
 * close the issue with a comment when the topic is now done (`closeWhenDone`).
 */
export async function refreshFollowUp(
  octokit: ProbotOctokit,
  issue: { owner: string; repo: string; number: number; body: string },
  marker: FollowUpMarker,
  options: { config: Config; now: Date; scope: string; self: Self; graphql?: GraphqlRequest; cache?: StateCache | null },
): Promise<FollowUpRefreshOutcome> {
  const [owner, name] = marker.repo.split("/") as [string, string];
  const { data: info } = await octokit.rest.repos.get({ owner, repo: name });
  const graphql = options.graphql ?? (octokit.graphql as GraphqlRequest);
  const queued = queueGraphql(graphql, { scope: options.scope });
  const read = await readWrapUps([{ path: marker.path }], (paths) => fetchFileTexts(queued, { owner, repo: name }, info.default_branch, paths), {
    everyFile: true,
    reading: readingOptionsOf(options.config),
  });
  const checked = await checkFiles(read.wrapUps, {
    config: { ...options.config, paths: [marker.path] },
    graphql,
    scope: options.scope,
    now: options.now,
    bypassCache: true,
    selfLogin: options.self.login,
    cache: options.cache,
    eventDateOf: (path) => findFirstCommitDate(octokit, { owner, repo: name }, info.default_branch, path),
  });
  const report = checked.reports[0];
  const topic = report?.topics.find((t) => t.topic.anchor === marker.anchor);
  if (!report || !topic) throw new Error(`topic #${marker.anchor} is no longer in ${marker.path}`);
  const texts = createSweepTexts({ repo: marker.repo, ref: info.default_branch, webUrl: new URL(info.html_url).origin, now: options.now });
  const mentions = options.config.followUp.assignAuthors ? checked.authorsOf(topic) : [];
  const body = writeSnooze(texts.followUp(report, topic, mentions).body, readSnooze(issue.body));
  const target = { owner: issue.owner, repo: issue.repo, issue_number: issue.number };
  const changed = !sameBody(body, issue.body);
  if (changed) await octokit.rest.issues.update({ ...target, body });
  if (topic.judgement.verdict === "done" && options.config.followUp.closeWhenDone) {
    await postCommentOnce(octokit, { ...issue }, texts.closing(report, topic), options.self);
    await octokit.rest.issues.update({ ...target, state: "closed", state_reason: "completed" });
    return "closed";
  }
  return changed ? "updated" : "unchanged";
}
