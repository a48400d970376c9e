import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GraphqlResponseError } from "@octokit/graphql";
import { addBranch, addIssue, addPull, addRepo, createWorld, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { clientsFor, post } from "./helpers.js";

function buildWorld() {
  const world = createWorld();
  const repo = addRepo(world, "acme/widgets", { files: { "wrapups/2026.md": "# Wrap-up\n" } });
  addRepo(world, "acme/secret", { private: true });
  addPull(world, "acme/widgets", { number: 1, state: "MERGED", author: "ada", title: "Add widgets" });
  addPull(world, "acme/widgets", { number: 2, author: "renovate[bot]", head: { branch: "deps" } });
  addIssue(world, "acme/widgets", { number: 3, closedBy: ["acme/widgets#1"] });
  addBranch(repo, "feature", { commits: [{ committedDate: "2026-11-01T00:00:00Z" }, { committedDate: "2026-11-02T00:00:00Z" }] });
  for (let i = 10; i < 60; i++) addIssue(world, "acme/widgets", { number: i });
  return world;
}

describe("stand-in GraphQL", () => {
  let standIn: StandIn;
  beforeAll(async () => {
    standIn = await startStandIn({ world: buildWorld() });
  });
  afterAll(() => standIn.close());

  it("rejects a misspelled field the way GitHub does, before running anything", async () => {
    const { graphql } = clientsFor(standIn);
    const error = await graphql(`{ repository(owner: "acme", name: "widgets") { nme } }`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphqlResponseError);
    const errors = (error as GraphqlResponseError<unknown>).errors ?? [];
    expect(errors[0]).toMatchObject({ message: "Field 'nme' doesn't exist on type 'Repository'", extensions: { code: "undefinedField" } });
    expect(standIn.requests.at(-1)?.cost).toBe(0);
  });

  it("answers NOT_FOUND per alias with the other aliases' data, and hides private repos", async () => {
    const { body, status } = await post(
      standIn,
      `{ a: repository(owner: "acme", name: "widgets") { pullRequest(number: 1) { state author { __typename login } } }
         b: repository(owner: "acme", name: "widgets") { pullRequest(number: 999) { state } }
         c: repository(owner: "acme", name: "secret") { id }
         d: repository(owner: "acme", name: "widgets") { ref(qualifiedName: "refs/heads/gone") { name } } }`,
    );
    expect(status).toBe(200);
    expect(body.data.a.pullRequest).toEqual({ state: "MERGED", author: { __typename: "User", login: "ada" } });
    expect(body.data.b).toEqual({ pullRequest: null });
    expect(body.data.c).toBeNull();
    expect(body.data.d).toEqual({ ref: null });
    expect(body.errors).toEqual([
      expect.objectContaining({ type: "NOT_FOUND", path: ["b", "pullRequest"], message: "Could not resolve to a PullRequest with the number of 999." }),
      expect.objectContaining({ type: "NOT_FOUND", path: ["c"], message: "Could not resolve to a Repository with the name 'acme/secret'." }),
    ]);
  });

  it("resolves bots, closing PRs, branches with PRs, compare, and files by expression", async () => {
    const { body } = await post(
      standIn,
      `query($owner: String!) { repository(owner: $owner, name: "widgets") {
         p: pullRequest(number: 2) { author { __typename login } headRefName }
         issue(number: 3) { closedByPullRequestsReferences(first: 5, includeClosedPrs: true) { nodes { number state } } }
         deps: ref(qualifiedName: "refs/heads/deps") { associatedPullRequests(first: 5) { nodes { number } } }
         feature: ref(qualifiedName: "refs/heads/feature") { target { ... on Commit { committedDate history(first: 10) { totalCount } } } compare(headRef: "main") { aheadBy behindBy } }
         file: object(expression: "HEAD:wrapups/2026.md") { ... on Blob { text } }
         missing: object(expression: "HEAD:nope.md") { id } } }`,
      { owner: "acme" },
    );
    expect(body.errors).toBeUndefined();
    const repo = body.data.repository;
    expect(repo.p).toEqual({ author: { __typename: "Bot", login: "renovate" }, headRefName: "deps" });
    expect(repo.issue.closedByPullRequestsReferences.nodes).toEqual([{ number: 1, state: "MERGED" }]);
    expect(repo.deps.associatedPullRequests.nodes).toEqual([{ number: 2 }]);
    expect(repo.feature.target).toEqual({ committedDate: "2026-11-02T00:00:00Z", history: { totalCount: 3 } });
    expect(repo.feature.compare).toEqual({ aheadBy: 0, behindBy: 2 });
    expect(repo.file).toEqual({ text: "# Wrap-up\n" });
    expect(repo.missing).toBeNull();
  });

  it("counts points GitHub's way and reports them in rateLimit and x-ratelimit headers", async () => {
    const aliases = Array.from({ length: 50 }, (_, i) => `i${i}: issue(number: ${i + 10}) { state }`).join(" ");
    const lookups = await post(standIn, `{ repository(owner: "acme", name: "widgets") { ${aliases} } rateLimit { cost remaining limit used resetAt } }`);
    expect(lookups.body.data.rateLimit.cost).toBe(1);
    // 1 request for the issues + 100 for their comments + 100×50 for the comments' reactions = 5,101 → 51 points.
    const nested = await post(
      standIn,
      `{ repository(owner: "acme", name: "widgets") { issues(first: 100) { nodes { comments(first: 50) { nodes { reactions(first: 50) { totalCount } } } } } } rateLimit { cost remaining } }`,
    );
    expect(nested.body.data.rateLimit.cost).toBe(51);
    expect(nested.body.data.rateLimit.remaining).toBe(lookups.body.data.rateLimit.remaining - 51);
    expect(nested.headers.get("x-ratelimit-remaining")).toBe(String(nested.body.data.rateLimit.remaining));
    expect(standIn.requests.at(-1)?.cost).toBe(51);
  });

  it("refuses a query that may return more than 500,000 nodes", async () => {
    const { body } = await post(standIn, `{ repository(owner: "acme", name: "widgets") { issues(first: 100) { nodes { comments(first: 100) { nodes { reactions(first: 100) { totalCount } } } } } } }`);
    expect(body.errors?.[0]).toMatchObject({ type: "MAX_NODE_LIMIT_EXCEEDED" });
  });

  it("rejects a connection without first/last", async () => {
    const { body } = await post(standIn, `{ repository(owner: "acme", name: "widgets") { issues { totalCount } } }`);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]).toMatchObject({ type: "MISSING_PAGINATION_BOUNDARIES" });
  });

  it("pages connections with cursors", async () => {
    const page = `query($after: String) { repository(owner: "acme", name: "widgets") { issues(first: 20, after: $after, states: OPEN) { totalCount nodes { number } pageInfo { hasNextPage endCursor } } } }`;
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const { body } = await post(standIn, page, { after });
      const issues = body.data.repository.issues;
      seen.push(...issues.nodes.map((n: { number: number }) => n.number));
      if (!issues.pageInfo.hasNextPage) break;
      after = issues.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(51);
    expect(new Set(seen).size).toBe(51);
  });
});
