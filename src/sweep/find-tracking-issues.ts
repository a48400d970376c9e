import type { ProbotOctokit } from "probot";
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

/**
 * For every stalled topic naming an open tracking issue: that issue and our newest reminder on it
 * (one comment listing per such topic; only these topics are asked about).
 */
export async function findTrackingIssues(
  octokit: ProbotOctokit,
  reports: WrapUpReport[],
  topicKey: (report: WrapUpReport, topic: TopicReport) => string,
  self: Self,
): Promise<Map<string, TrackingIssue>> {
  const found = new Map<string, TrackingIssue>();
  for (const report of reports) {
    for (const topic of report.topics) {
      if (topic.judgement.verdict !== "stalled") continue;
      const link = findTrackingLink(topic);
      if (!link) continue;
      const key = topicKey(report, topic);
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
