/**
 * The resolver against the independent GitHub stand-in (dev/github-stand-in), which validates every
 * query against GitHub's schema, answers from a world, and counts points GitHub's way.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addBranch, addDiscussion, addIssue, addPull, addRepo, createWorld, makeComment, type World } from "../../dev/github-stand-in/world.js";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { createOctokit } from "../../src/github/client.js";
import { createRequestQueue } from "../../src/github/request-queue.js";
import { resolveLinks } from "../../src/github/resolve-links.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import { branchLink, commitLink, discussionLink, issueLink, issueOrPullLink, pullLink } from "../fixtures/graphql/links.js";
import { silentLog } from "../fixtures/graphql/github-mock.js";

function buildWorld(): World {
  const world = createWorld();
  addRepo(world, "acme/rocket", { at: "2026-10-01T00:00:00Z" });
  addRepo(world, "secret/vault", { private: true });
  addRepo(world, "ada/rocket");
  addPull(world, "acme/rocket", {
    number: 1,
    author: "ada",
    createdAt: "2026-11-01T00:00:00Z",
    comments: [makeComment(world, "grace", "looks good", "2026-11-03T00:00:00Z"), makeComment(world, "wrapup-tracker[bot]", "status", "2026-11-09T00:00:00Z")],
    reviews: [{ author: "linus", state: "APPROVED", submittedAt: "2026-11-04T00:00:00Z", body: "" }],
  });
  addPull(world, "acme/rocket", { number: 3, state: "MERGED", mergedAt: "2026-11-05T00:00:00Z" });
  addIssue(world, "acme/rocket", { number: 2, state: "CLOSED", closedBy: ["acme/rocket#3"] });
  addDiscussion(world, "acme/rocket", { number: 4, isAnswered: true });
  addBranch(world.repos["acme/rocket"], "feat/x", { commits: [{ committedDate: "2026-11-06T00:00:00Z" }] });
  addBranch(world.repos["ada/rocket"], "fix-typo");
  addPull(world, "acme/rocket", { number: 5, head: { repo: "ada/rocket", branch: "fix-typo" } });
  addPull(world, "secret/vault", { number: 1 });
  return world;
}

let standIn: StandIn;
beforeAll(async () => {
  standIn = await startStandIn({ world: buildWorld() });
});
afterAll(async () => {
  await standIn?.close();
});

describe("resolveLinks against the GitHub stand-in", () => {
  it("returns the right state for every kind, in one valid request", async () => {
    const mainSha = standIn.world.repos["acme/rocket"].branches.main.commits.at(-1)!.oid;
    const links = [
      pullLink(1),
      issueLink(2),
      discussionLink(4),
      issueOrPullLink(3),
      branchLink("feat/x/docs", "acme", "rocket", {
        branchCandidates: [
          { branch: "feat/x/docs", path: "" },
          { branch: "feat/x", path: "docs" },
          { branch: "feat", path: "x/docs" },
        ],
      }),
      branchLink("fix-typo", "ada", "rocket"),
      branchLink("gone"),
      commitLink(mainSha),
      pullLink(99),
      pullLink(1, "secret", "vault"),
    ];
    const octokit = createOctokit({ token: "t", apiUrl: standIn.apiUrl, log: silentLog });
    const { states, stats } = await resolveLinks(links, { graphql: octokit.graphql, cache: null, queue: createRequestQueue() });
    const state = (i: number) => states.get(linkKey(links[i])!);

    expect(stats.graphqlRequests).toBe(1);
    expect(standIn.requests.filter((r) => r.route === "graphql").map((r) => r.status)).toEqual([200]);
    expect(state(0)).toMatchObject({ type: "pull", state: "OPEN", lastHumanActivityAt: "2026-11-04T00:00:00Z" });
    expect(state(1)).toMatchObject({ type: "issue", state: "CLOSED", closedBy: [{ number: 3, state: "MERGED" }] });
    expect(state(2)).toMatchObject({ type: "discussion", isAnswered: true });
    expect(state(3)).toMatchObject({ type: "pull", number: 3, state: "MERGED" });
    expect(state(4)).toMatchObject({ type: "branch", branch: "feat/x", path: "docs" });
    expect(state(5)).toMatchObject({ type: "branch", pulls: [{ owner: "acme", repo: "rocket", number: 5 }] });
    expect(state(6)).toMatchObject({ type: "branch", status: "missing" });
    expect(state(7)).toMatchObject({ type: "commit", status: "ok", oid: mainSha });
    expect(state(8)).toMatchObject({ type: "pull", status: "missing" });
    // A private repository the token cannot see looks exactly like a missing one.
    expect(state(9)).toMatchObject({ type: "pull", status: "missing" });
  });
});
