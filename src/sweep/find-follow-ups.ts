import type { ProbotOctokit } from "probot";
import { formatTopicKey, parseFollowUpMarker } from "../render/marker.js";
import { ownIssueFilter, type Self } from "../writes/own-comment.js";
import { readSnooze } from "./snooze-note.js";
import type { ExistingFollowUp, RepoRef } from "./sweep-types.js";

export interface OwnIssue {
  number: number;
  state: "open" | "closed";
  title: string;
  body: string;
  labels: string[];
  updatedAt: string;
  /** Comment count (duplicate repair looks for doubled reminders only where there are two or more). */
  comments: number;
}

/** Every issue we opened in a repository (`ownIssueFilter`), open and closed, all pages; pull requests dropped. */
export async function listOwnIssues(octokit: ProbotOctokit, repo: RepoRef, self: Self): Promise<OwnIssue[]> {
  const { isOurs, ...creator } = ownIssueFilter(self);
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { ...repo, state: "all", per_page: 100, ...creator });
  return issues
    .filter((issue) => !issue.pull_request && isOurs(issue.user))
    .map((issue) => ({
      number: issue.number,
      state: issue.state === "closed" ? ("closed" as const) : ("open" as const),
      title: issue.title,
      body: issue.body ?? "",
      labels: issue.labels.map((label) => (typeof label === "string" ? label : (label.name ?? ""))),
      updatedAt: issue.updated_at,
      comments: issue.comments,
    }));
}

/** Our follow-ups among our issues: found by the stable key in the marker, never by title. */
export function toFollowUps(issues: OwnIssue[], repo: RepoRef): ExistingFollowUp[] {
  return issues.flatMap((issue) => {
    const marker = parseFollowUpMarker(issue.body);
    if (!marker) return [];
    return [
      {
        repo,
        number: issue.number,
        state: issue.state,
        title: issue.title,
        body: issue.body,
        labels: issue.labels,
        key: formatTopicKey(marker),
        fingerprint: marker.fingerprint,
        snoozedUntil: readSnooze(issue.body),
        updatedAt: issue.updatedAt,
      },
    ];
  });
}
