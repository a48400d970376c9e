/** nock for GitHub in handler, write and sweep tests: network off, unused mocks fail, queries validated. */
import nock from "nock";
import { afterEach, beforeEach, expect } from "vitest";
import { forgetFileTexts } from "../../src/github/fetch-file-texts.js";
import { forgetFirstCommitDates } from "../../src/pipeline/find-event-dates.js";
import { forgetReadWrapUps } from "../../src/pipeline/read-wrapups.js";
import { findGraphqlErrors } from "../helpers/validate-graphql.js";
import { INSTALLATION_ID, OWNER, REPO } from "../fixtures/events/webhook-events.js";

export const API = "https://api.github.com";
export const SELF = "wrapup-tracker[bot]";
export const NOW = new Date("2026-11-21T12:00:00Z");
export const REPO_PATH = `/repos/${OWNER}/${REPO}`;

/** GraphQL queries the tests received that GitHub's schema rejects. */
const invalidQueries: string[][] = [];

/** Requests nothing was mocked for, even when the code under test swallowed the failure. */
const unmatched: string[] = [];
nock.emitter.on("no match", (req: { method?: string; path?: string; options?: { method?: string; path?: string } }) => {
  unmatched.push(`${req.method ?? req.options?.method} ${req.path ?? req.options?.path}`);
});

/** Network off per test; afterwards every mock must have been used, every request mocked, every query valid. */
export function useNock(): void {
  beforeEach(() => {
    nock.disableNetConnect();
    unmatched.length = 0;
    invalidQueries.length = 0;
    forgetFileTexts();
    forgetReadWrapUps();
    forgetFirstCommitDates();
    firstCommitsMocked.clear();
    // The installation token: asked once per Probot instance, not at all when a guard stops early.
    nock(API)
      .post(`/app/installations/${INSTALLATION_ID}/access_tokens`)
      .optionally()
      .reply(201, { token: "ghs_test", expires_at: "2099-01-01T00:00:00Z", permissions: {} })
      .persist();
  });
  afterEach(() => {
    const unused = nock.pendingMocks();
    nock.cleanAll();
    nock.enableNetConnect();
    expect(unused, "unused nock mocks").toEqual([]);
    expect(unmatched, "requests nothing was mocked for").toEqual([]);
    expect(invalidQueries, "queries GitHub's schema rejects").toEqual([]);
  });
}

export function github(): nock.Scope {
  return nock(API);
}

/** Answers POST /graphql with `answer(query, variables)`; every query is validated. */
export function mockGraphql(answer: (query: string, variables: Record<string, unknown>) => unknown, times = 1): void {
  github()
    .post("/graphql")
    .times(times)
    .reply((_uri, body) => {
      const { query, variables } = body as { query: string; variables: Record<string, unknown> };
      const problems = findGraphqlErrors(query);
      if (problems.length > 0) invalidQueries.push(problems);
      return [200, { data: answer(query, variables ?? {}) }];
    });
}

/** `.github/wrapup-tracker.yml` as Probot's config plugin asks for it (repo, then the org's `.github`). */
export function mockConfig(yaml: string | null): void {
  const path = "/contents/.github%2Fwrapup-tracker.yml";
  if (yaml !== null) {
    github().get(`${REPO_PATH}${path}`).reply(200, yaml, { "content-type": "application/vnd.github.raw; charset=utf-8" });
    return;
  }
  github().get(`${REPO_PATH}${path}`).reply(404, { message: "Not Found" });
  github().get(`/repos/${OWNER}/.github${path}`).reply(404, { message: "Not Found" });
}

const firstCommitsMocked = new Set<string>();

/**
 * The first commit of a file on the default branch (the grace period of undated wrap-ups). The
 * app remembers it for the process, so it is mocked once per test, however many runs ask.
 */
export function mockFirstCommit(path: string, date = "2026-09-01T10:00:00Z"): void {
  if (firstCommitsMocked.has(path)) return;
  firstCommitsMocked.add(path);
  github()
    .get(`${REPO_PATH}/commits`)
    .query({ sha: "main", path, per_page: 1 })
    .reply(200, [{ sha: "f".repeat(40), commit: { committer: { date }, author: { date } } }]);
}

/**
 * The default branch's tree: a wrap-up pull request reads the repository's other wrap-ups from it
 * (for "continued from …"). Empty by default: no other wrap-up to read.
 */
export function mockBranchTree(paths: string[] = [], times = 1): void {
  github()
    .get(`${REPO_PATH}/git/trees/main`)
    .query({ recursive: "true" })
    .times(times)
    .reply(200, { sha: "e".repeat(40), truncated: false, tree: paths.map((path) => ({ path, type: "blob", sha: null })) });
}
