/**
 * Named GraphQL fragments, one per kind of item. Fields that clash between Issue and PullRequest
 * under `issueOrPullRequest` (state, timelineItems) are aliased per type so both fragments can be
 * spread on the same union.
 */

const ACTOR = "{ __typename login }";

const PULL_SUMMARY = `fragment PullSummaryFields on PullRequest {
  number url title pullState: state isDraft mergedAt closedAt updatedAt
  author ${ACTOR}
  repository { nameWithOwner }
}`;

// `headRef.associatedPullRequests` lists the PRs from the same head branch (this one included), which
// tells "closed, replaced by a newer PR" from "abandoned". `headRef` is null once the branch is deleted.
const PULL = `fragment PullFields on PullRequest {
  ...PullSummaryFields
  createdAt reviewDecision
  headRefName headRepository { nameWithOwner }
  headRef {
    associatedPullRequests(first: 5, orderBy: { field: UPDATED_AT, direction: DESC }) {
      nodes { ...PullSummaryFields }
    }
  }
  baseRefName baseRepository { nameWithOwner }
  statusCheckRollup { state }
  lastCommit: commits(last: 1) { nodes { commit { committedDate } } }
  pullActivity: timelineItems(last: 20, itemTypes: [ISSUE_COMMENT, PULL_REQUEST_REVIEW]) {
    nodes {
      __typename
      ... on IssueComment { createdAt author ${ACTOR} }
      ... on PullRequestReview { submittedAt createdAt author ${ACTOR} }
    }
  }
}`;

const ISSUE = `fragment IssueFields on Issue {
  number url title issueState: state stateReason closedAt createdAt updatedAt
  author ${ACTOR}
  closedBy: closedByPullRequestsReferences(first: 10, includeClosedPrs: true) { nodes { ...PullSummaryFields } }
  issueActivity: timelineItems(last: 20, itemTypes: [ISSUE_COMMENT]) {
    nodes { __typename ... on IssueComment { createdAt author ${ACTOR} } }
  }
}`;

const DISCUSSION = `fragment DiscussionFields on Discussion {
  number url title closed stateReason isAnswered createdAt updatedAt
}`;

const REF = `fragment RefFields on Ref {
  name
  target { __typename ... on Commit { oid committedDate } }
  associatedPullRequests(first: 5, orderBy: { field: UPDATED_AT, direction: DESC }) {
    nodes { ...PullSummaryFields }
  }
}`;

const COMMIT = `fragment CommitFields on Commit { oid url committedDate }`;

export const FRAGMENTS = {
  PullSummaryFields: PULL_SUMMARY,
  PullFields: PULL,
  IssueFields: ISSUE,
  DiscussionFields: DISCUSSION,
  RefFields: REF,
  CommitFields: COMMIT,
} as const;

export type FragmentName = keyof typeof FRAGMENTS;

/** Fragment definitions a document needs: those it spreads, and those they spread in turn. */
export function fragmentsUsedBy(selection: string): string[] {
  const needed = new Set<FragmentName>();
  const visit = (text: string) => {
    for (const name of Object.keys(FRAGMENTS) as FragmentName[]) {
      if (!needed.has(name) && text.includes(`...${name}`)) {
        needed.add(name);
        visit(FRAGMENTS[name]);
      }
    }
  };
  visit(selection);
  return [...needed].map((name) => FRAGMENTS[name]);
}
