import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import type { GraphqlRequest } from "../../src/github/request-queue.js";
import { StateCache } from "../../src/github/state-cache.js";
import { checkFiles } from "../../src/pipeline/check-files.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import { NOW, useNock } from "../handlers/nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT } from "../handlers/world.js";

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
const files = [parseWrapUp(WRAPUP_TEXT, { path: WRAPUP_PATH })];
const world = { "pull:acme/widgets#101": widgetPull(101, "stale"), "pull:acme/widgets#102": widgetPull(102, "merged") };

describe("checkFiles", () => {
  useNock();

  it("/refresh words: only the named topics' links skip the cache", async () => {
    const cache = new StateCache();
    const base = { config: null, graphql: octokit.graphql as GraphqlRequest, scope: "check-files", now: NOW, cache };
    mockGithubGraphql({}, world);
    const first = await checkFiles(files, { ...base, bypassCache: false });
    expect(first.reports[0]!.counts).toMatchObject({ stalled: 1, done: 1 });

    const queries: string[] = [];
    mockGithubGraphql({}, world, 1, queries);
    const refreshed = await checkFiles(files, { ...base, bypassCache: true, words: ["DOCS"] });
    expect(queries).toHaveLength(1);
    expect(queries[0]).toContain("pullRequest(number: 102)");
    expect(queries[0]).not.toContain("pullRequest(number: 101)");
    expect(refreshed.stats.cacheHits).toBe(1);
  });

  it("names the human authors of a topic's PRs for mentions", async () => {
    mockGithubGraphql({}, world);
    const checked = await checkFiles(files, { config: null, graphql: octokit.graphql as GraphqlRequest, scope: "check-files-2", now: NOW, bypassCache: false, cache: null });
    expect(checked.authorsOf(checked.reports[0]!.topics[0]!)).toEqual(["ada"]);
  });
});
