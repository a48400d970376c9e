import type { ProbotOctokit } from "probot";
import type { CanWrite } from "../github/write-access.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";
import { formatTopicKey, parseReminderMarker } from "../render/marker.js";
import { isOwnComment, type IssueComment, type Self } from "../writes/own-comment.js";
import { linkKey } from "../wrapup/link-key.js";
import type { TrackingIssue } from "./sweep-types.js";

/** The open issue a topic names in its `tracking`/`issue` field, if any (pure). */
export function findTrackingLink(topic: TopicReport): { owner: string; repo: string; number: number } | null {
  for (const link of topic.topic.links) {
    if (link.field !== "tracking" && link.field !== "issue") continue;
    // `issue-or-pull` might be a pull request, and linked PRs are never written to.
    if (link.kind !== "issue") continue;
    if (!link.owner || !link.repo || link.number === undefined) continue;
    const judged = topic.judgement.links.find((l) => l.key === linkKey(link));
    if (judged && (judged.verdict === "active" || judged.verdict === "stale")) {
      return { owner: link.owner, repo: link.repo, number: link.number };
    }
  }
  return null;
}

export interface TrackingLookup {
  /** Only these topics are asked about (a topic held back by the horizon or a thread is not). */
  wanted?: (key: string) => boolean;
  /** Tracking issues where GitHub would refuse our comment are not read; they go to `elsewhere`. */
  canWrite?: CanWrite;
  /** Filled with the tracking issues we may not comment on, by topic key. */
  elsewhere?: Map<string, TrackingIssue>;
}

/**
 * For every stalled topic naming an open tracking issue: that issue and our newest reminder on it
 * (one comment listing per such topic; only these topics are asked about).
 */
export async function findTrackingIssues(
  octokit: ProbotOctokit,
  reports: WrapUpReport[],
  topicKey: (report: WrapUpReport, topic: TopicReport) => string,
  self: Self,
  lookup: TrackingLookup = {},
): Promise<Map<string, TrackingIssue>> {
  const found = new Map<string, TrackingIssue>();
  for (const report of reports) {
    for (const topic of report.topics) {
      if (topic.judgement.verdict !== "stalled") continue;
      const link = findTrackingLink(topic);
      if (!link) continue;
      const key = topicKey(report, topic);
      if (lookup.wanted && !lookup.wanted(key)) continue;
      const repo = { owner: link.owner, repo: link.repo };
      if (lookup.canWrite && !(await lookup.canWrite(repo))) {
        lookup.elsewhere?.set(key, { repo, number: link.number, lastReminderAt: null });
        continue;
      }
      const comments: IssueComment[] = await octokit.paginate(octokit.rest.issues.listComments, {
        owner: link.owner,
        repo: link.repo,
        issue_number: link.number,
        per_page: 100,
      });
      found.set(key, { repo: { owner: link.owner, repo: link.repo }, number: link.number, lastReminderAt: newestReminder(comments, key, self), comments });
    }
  }
  return found;
}

function newestReminder(comments: IssueComment[], key: string, self: Self): string | null {
  let newest: string | null = null;
  for (const comment of comments) {
    const marker = parseReminderMarker(comment.body);
    if (!marker || formatTopicKey(marker) !== key || !isOwnComment(comment, self, () => true)) continue;
    if (newest === null || comment.created_at > newest) newest = comment.created_at;
  }
  return newest;
}
