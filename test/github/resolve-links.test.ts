import { describe, expect, it } from "vitest";
import { createOctokit } from "../../src/github/client.js";
import { createRequestQueue, queueGraphql } from "../../src/github/request-queue.js";
import { resolveLinks, type ResolveOptions } from "../../src/github/resolve-links.js";
import type { BranchState, CommitState, DiscussionState, IssueState, PullState } from "../../src/github/types.js";
import { expectGraphql, silentLog, useNock } from "../fixtures/graphql/github-mock.js";
import {
  branchLink,
  commitLink,
  discussionLink,
  issueLink,
  issueOrPullLink,
  pullLink,
} from "../fixtures/graphql/links.js";
import {
  bot,
  comment,
  commitRepository,
  discussionNode,
  human,
  issueNode,
  pullNode,
  pullSummaryNode,
  rateLimitNode,
  refNode,
  review,
} from "../fixtures/graphql/nodes.js";

useNock();

function options(extra: Partial<ResolveOptions> = {}): ResolveOptions {
  const octokit = createOctokit({ token: "test-token", log: silentLog });
  return { graphql: octokit.graphql, cache: null, queue: createRequestQueue({ serverBackoffMs: [1, 1] }), ...extra };
}

describe("resolveLinks", () => {
  it("resolves every kind of link in one request and maps its state", async () => {
    const sha = "b".repeat(40);
    const calls = expectGraphql(() => ({
      data: {
        l0: { pullRequest: pullNode(1, { pullState: "MERGED", mergedAt: "2026-11-07T10:00:00Z" }) },
        l1: { issue: issueNode(2, { issueState: "CLOSED", stateReason: "COMPLETED" }) },
        l2: { discussion: discussionNode(3, { isAnswered: true }) },
        l3: { issueOrPullRequest: pullNode(4) },
        l4: { issueOrPullRequest: issueNode(5) },
        l5: { c0: refNode("feature") },
        l6: commitRepository(sha, "BEHIND"),
        rateLimit: rateLimitNode({ cost: 1 }),
      },
    }));
    const links = [pullLink(1), issueLink(2), discussionLink(3), issueOrPullLink(4), issueOrPullLink(5), branchLink("feature"), commitLink(sha)];
    const { states, stats } = await resolveLinks(links, options());

    expect(calls).toHaveLength(1);
    expect(stats).toMatchObject({ graphqlRequests: 1, points: 1, cacheHits: 0, restRequests: 0 });
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ type: "pull", status: "ok", state: "MERGED", checks: "SUCCESS" } satisfies Partial<PullState>);
    expect(states.get("issue:acme/rocket#2")).toMatchObject({ type: "issue", state: "CLOSED", stateReason: "COMPLETED" } satisfies Partial<IssueState>);
    expect(states.get("discussion:acme/rocket#3")).toMatchObject({ type: "discussion", isAnswered: true } satisfies Partial<DiscussionState>);
    expect(states.get("issue-or-pull:acme/rocket#4")).toMatchObject({ type: "pull", number: 4 });
    expect(states.get("issue-or-pull:acme/rocket#5")).toMatchObject({ type: "issue", number: 5 });
    expect(states.get("branch:acme/rocket@feature")).toMatchObject({ type: "branch", branch: "feature", path: "" } satisfies Partial<BranchState>);
    expect(states.get(`commit:acme/rocket@${sha}`)).toMatchObject({ type: "commit", onDefaultBranch: true } satisfies Partial<CommitState>);
    expect(calls[0].query).toContain('ref(qualifiedName: "refs/heads/feature")');
  });

  it("asks once for a link written in several files, whatever the owner's case", async () => {
    const calls = expectGraphql(() => ({ data: { l0: { pullRequest: pullNode(7) }, rateLimit: rateLimitNode() } }));
    const { states } = await resolveLinks([pullLink(7), pullLink(7, "ACME", "Rocket"), pullLink(7)], options());
    expect(calls[0].aliases).toEqual(["l0"]);
    expect([...states.keys()]).toEqual(["pull:acme/rocket#7"]);
  });

  it("gives NOT_FOUND and FORBIDDEN aliases their own state and keeps the others (HTTP 200, partial data)", async () => {
    expectGraphql(() => ({
      data: { l0: { pullRequest: pullNode(1) }, l1: null, l2: { issue: null }, rateLimit: rateLimitNode() },
      errors: [
        { type: "FORBIDDEN", path: ["l1"], message: "Resource not accessible by integration" },
        { type: "NOT_FOUND", path: ["l2", "issue"], message: "Could not resolve to an Issue with the number of 99." },
      ],
    }));
    const { states } = await resolveLinks([pullLink(1), pullLink(2, "secret", "vault"), issueLink(99)], options());
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ status: "ok" });
    expect(states.get("pull:secret/vault#2")).toEqual({ type: "pull", status: "forbidden", message: "Resource not accessible by integration" });
    expect(states.get("issue:acme/rocket#99")).toMatchObject({ type: "issue", status: "missing", message: expect.stringContaining("number of 99") });
  });

  it("reports a branch that does not exist (ref: null) as missing", async () => {
    expectGraphql(() => ({ data: { l0: { c0: null }, rateLimit: rateLimitNode() } }));
    const { states } = await resolveLinks([branchLink("gone")], options());
    expect(states.get("branch:acme/rocket@gone")).toMatchObject({ type: "branch", status: "missing" });
  });

  it("asks every candidate of an ambiguous tree link at once; the longest existing one wins", async () => {
    const link = branchLink("feat/x/docs", "acme", "rocket", {
      branchCandidates: [
        { branch: "feat", path: "x/docs" },
        { branch: "feat/x/docs", path: "" },
        { branch: "feat/x", path: "docs" },
      ],
    });
    const calls = expectGraphql(() => ({
      data: { l0: { c0: null, c1: refNode("feat/x"), c2: refNode("feat") }, rateLimit: rateLimitNode() },
    }));
    const { states } = await resolveLinks([link], options());
    expect(calls).toHaveLength(1);
    expect(calls[0].query).toMatch(/c0: ref\(qualifiedName: "refs\/heads\/feat\/x\/docs"\)[\s\S]*c1: ref\(qualifiedName: "refs\/heads\/feat\/x"\)[\s\S]*c2:/);
    expect(states.get("branch:acme/rocket@feat/x/docs")).toMatchObject({ status: "ok", branch: "feat/x", path: "docs" });
  });

  it("lists a fork branch's pull request into its upstream (associatedPullRequests)", async () => {
    const upstreamPull = pullSummaryNode(42, { repository: { nameWithOwner: "acme/rocket" }, pullState: "OPEN" });
    expectGraphql(() => ({ data: { l0: { c0: refNode("fix-typo", [upstreamPull]) }, rateLimit: rateLimitNode() } }));
    const { states } = await resolveLinks([branchLink("fix-typo", "ada", "rocket")], options());
    expect(states.get("branch:ada/rocket@fix-typo")).toMatchObject({
      owner: "ada",
      pulls: [{ owner: "acme", repo: "rocket", number: 42, state: "OPEN" }],
    });
  });

  it("counts only human comments and reviews as a pull's activity, never bots or our own app", async () => {
    const activity = [
      comment("2026-11-08T10:00:00Z", human("ada")),
      review("2026-11-09T10:00:00Z", human("grace")),
      comment("2026-11-12T10:00:00Z", bot("wrapup-tracker")),
      comment("2026-11-13T10:00:00Z", human("ci-runner")),
      comment("2026-11-14T10:00:00Z", { __typename: "User", login: "renovate[bot]" }),
    ];
    expectGraphql(() => ({ data: { l0: { pullRequest: pullNode(1, {}, activity) }, rateLimit: rateLimitNode() } }));
    const { states } = await resolveLinks([pullLink(1)], options({ ignoreLogins: ["CI-Runner"] }));
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ lastHumanActivityAt: "2026-11-09T10:00:00Z", lastCommitAt: "2026-11-05T12:00:00Z" });
  });

  it("lists the pull requests that close an issue, closed ones included", async () => {
    const closedBy = { nodes: [pullSummaryNode(8, { pullState: "CLOSED", closedAt: "2026-11-09T00:00:00Z" }), pullSummaryNode(9, { pullState: "MERGED" })] };
    const calls = expectGraphql(() => ({ data: { l0: { issue: issueNode(3, { closedBy }) }, rateLimit: rateLimitNode() } }));
    const { states } = await resolveLinks([issueLink(3)], options());
    expect(calls[0].query).toContain("closedByPullRequestsReferences(first: 10, includeClosedPrs: true)");
    expect((states.get("issue:acme/rocket#3") as IssueState).closedBy.map((p) => [p.number, p.state])).toEqual([[8, "CLOSED"], [9, "MERGED"]]);
  });

  it("compares a compare link's branch with its base in the same query", async () => {
    const link = branchLink("feature", "acme", "rocket", { base: { owner: "acme", repo: "rocket", branch: "main" } });
    expectGraphql(() => ({
      data: { l0: { c0: refNode("feature"), compareBase: { compare: { aheadBy: 3, behindBy: 1, status: "DIVERGED" } } }, rateLimit: rateLimitNode() },
    }));
    const { states } = await resolveLinks([link], options());
    expect(states.get("branch:acme/rocket@feature")).toMatchObject({ aheadBy: 3, behindBy: 1 });
  });

  it("accepts a GraphQL function that is already queued, without waiting on itself", async () => {
    expectGraphql(() => ({ data: { l0: { pullRequest: pullNode(1) }, rateLimit: rateLimitNode() } }));
    const queue = createRequestQueue();
    const graphql = queueGraphql(createOctokit({ token: "t", log: silentLog }).graphql, { scope: "s", queue });
    const { states } = await resolveLinks([pullLink(1)], options({ graphql, scope: "s", queue }));
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ status: "ok" });
  });

  it("gives every link of a batch an error state, without throwing, when GitHub refuses the token", async () => {
    expectGraphql(() => [401, { message: "Bad credentials" }]);
    const { states } = await resolveLinks([pullLink(1), issueLink(2)], options());
    expect([...states.values()].map((s) => s.status)).toEqual(["error", "error"]);
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ message: expect.stringContaining("Bad credentials") });
  });
});
