/**
 * `PullState.otherPullsFromHead`: the other PRs from a pull's head branch, asked in the same batch
 * through `headRef.associatedPullRequests`, so a PR closed and replaced is not judged abandoned.
 */
import { describe, expect, it } from "vitest";
import { createOctokit } from "../../src/github/client.js";
import { createRequestQueue } from "../../src/github/request-queue.js";
import { resolveLinks, type ResolveOptions } from "../../src/github/resolve-links.js";
import type { PullState } from "../../src/github/types.js";
import { judgeLink } from "../../src/progress/judge-link.js";
import { expectGraphql, silentLog, useNock } from "../fixtures/graphql/github-mock.js";
import { issueOrPullLink, pullLink } from "../fixtures/graphql/links.js";
import { headRefNode, pullNode, pullSummaryNode, rateLimitNode } from "../fixtures/graphql/nodes.js";

useNock();

function options(): ResolveOptions {
  const octokit = createOctokit({ token: "test-token", log: silentLog });
  return { graphql: octokit.graphql, cache: null, queue: createRequestQueue({ serverBackoffMs: [1, 1] }) };
}

const NOW = new Date("2026-11-21T12:00:00Z");
const closed = { pullState: "CLOSED", closedAt: "2026-11-08T10:00:00Z", updatedAt: "2026-11-08T10:00:00Z" };

describe("otherPullsFromHead", () => {
  it("lists a newer open PR from the same branch, without the closed PR itself, and the judge follows it", async () => {
    const replacement = pullSummaryNode(11, { updatedAt: "2026-11-20T09:00:00Z" });
    const self = pullSummaryNode(10, closed);
    const calls = expectGraphql(() => ({
      data: { l0: { pullRequest: pullNode(10, { ...closed, headRef: headRefNode([replacement, self]) }) }, rateLimit: rateLimitNode() },
    }));
    const link = pullLink(10);
    const { states } = await resolveLinks([link], options());

    expect(calls[0].query).toMatch(/headRef \{\s*associatedPullRequests\(first: 5, orderBy: \{ field: UPDATED_AT, direction: DESC \}\) \{\s*nodes \{ \.\.\.PullSummaryFields \}/);
    const state = states.get("pull:acme/rocket#10") as PullState;
    expect(state.otherPullsFromHead).toEqual([
      { owner: "acme", repo: "rocket", number: 11, url: "https://github.com/acme/rocket/pull/11", title: "PR 11", state: "OPEN", isDraft: false, mergedAt: null, closedAt: null, updatedAt: "2026-11-20T09:00:00Z", author: { login: "ada", isBot: false } },
    ]);
    expect(judgeLink(link, state, { now: NOW, staleAfterDays: 30 })).toMatchObject({ verdict: "active", reason: expect.stringContaining("continued in acme/rocket#11") });
  });

  it("gives [] when the head branch was deleted (headRef: null), and the closed PR counts as abandoned", async () => {
    expectGraphql(() => ({ data: { l0: { pullRequest: pullNode(10, { ...closed, headRef: null }) }, rateLimit: rateLimitNode() } }));
    const link = pullLink(10);
    const { states } = await resolveLinks([link], options());
    const state = states.get("pull:acme/rocket#10") as PullState;
    expect(state.otherPullsFromHead).toEqual([]);
    expect(judgeLink(link, state, { now: NOW, staleAfterDays: 30 })).toMatchObject({ verdict: "abandoned" });
  });

  it("keeps a PR with the same number in another repository (a fork's PR into itself) as another PR", async () => {
    const intoFork = pullSummaryNode(12, { repository: { nameWithOwner: "ada/rocket" }, url: "https://github.com/ada/rocket/pull/12", pullState: "MERGED" });
    const self = pullSummaryNode(12, closed);
    expectGraphql(() => ({
      data: {
        l0: { pullRequest: pullNode(12, { ...closed, headRepository: { nameWithOwner: "ada/rocket" }, headRef: headRefNode([self, intoFork]) }) },
        rateLimit: rateLimitNode(),
      },
    }));
    const { states } = await resolveLinks([pullLink(12, "ACME", "Rocket")], options());
    const state = states.get("pull:acme/rocket#12") as PullState;
    expect(state.otherPullsFromHead?.map((p) => `${p.owner}/${p.repo}#${p.number}:${p.state}`)).toEqual(["ada/rocket#12:MERGED"]);
  });

  it("fills it for an issue-or-pull link that turns out to be a pull", async () => {
    const other = pullSummaryNode(5, { pullState: "MERGED", mergedAt: "2026-11-19T10:00:00Z" });
    expectGraphql(() => ({
      data: { l0: { issueOrPullRequest: pullNode(4, { ...closed, headRef: headRefNode([other, pullSummaryNode(4, closed)]) }) }, rateLimit: rateLimitNode() },
    }));
    const { states } = await resolveLinks([issueOrPullLink(4)], options());
    expect((states.get("issue-or-pull:acme/rocket#4") as PullState).otherPullsFromHead?.map((p) => p.number)).toEqual([5]);
  });
});
