import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { fetchFileTexts } from "../../src/github/fetch-file-texts.js";
import { buildFileTextsQuery, FILES_PER_QUERY } from "../../src/github/queries/file-texts-query.js";
import { queueGraphql, type GraphqlRequest } from "../../src/github/request-queue.js";
import { expectValidGraphql } from "../helpers/validate-graphql.js";
import { mockGraphql, useNock } from "../handlers/nock-github.js";

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
const graphql = queueGraphql(octokit.graphql as GraphqlRequest, { scope: "test-fetch" });

describe("buildFileTextsQuery", () => {
  it.each([1, 2, FILES_PER_QUERY])("builds a valid query for %i files", (count) => {
    expectValidGraphql(buildFileTextsQuery(count));
  });
});

describe("fetchFileTexts", () => {
  useNock();

  it("reads files in batches at a revision and reports what it could not read", async () => {
    const paths = Array.from({ length: FILES_PER_QUERY + 2 }, (_, i) => `wrapups/${i}.md`);
    const asked: string[] = [];
    mockGraphql((_query, variables) => {
      const expressions = Object.entries(variables).filter(([k]) => /^e\d+$/.test(k));
      asked.push(...expressions.map(([, v]) => String(v)));
      const blobs = Object.fromEntries(
        expressions.map(([k, v]) => {
          const alias = `f${k.slice(1)}`;
          if (String(v).endsWith("/1.md")) return [alias, null];
          if (String(v).endsWith("/2.md")) return [alias, { text: "x", isTruncated: true, byteSize: 9_000_000 }];
          if (String(v).endsWith("/3.md")) return [alias, { text: null, isTruncated: false, byteSize: 10 }];
          return [alias, { text: `# ${v}`, isTruncated: false, byteSize: 10 }];
        }),
      );
      return { repository: blobs, rateLimit: { cost: 1, remaining: 4999, resetAt: "2026-11-21T13:00:00Z" } };
    }, 2);
    const result = await fetchFileTexts(graphql, { owner: "acme", repo: "hackathon" }, "main", paths);
    expect(result.graphqlRequests).toBe(2);
    expect(asked).toHaveLength(paths.length);
    expect(asked[0]).toBe("main:wrapups/0.md");
    expect(result.files).toHaveLength(paths.length - 3);
    expect(result.files[0]).toEqual({ path: "wrapups/0.md", text: "# main:wrapups/0.md" });
    expect(result.skipped).toEqual([
      { path: "wrapups/1.md", reason: "not found at this revision" },
      { path: "wrapups/2.md", reason: "too large to read through the API" },
      { path: "wrapups/3.md", reason: "not a text file" },
    ]);
  });

  it("sends nothing for no files", async () => {
    const result = await fetchFileTexts(graphql, { owner: "acme", repo: "hackathon" }, "main", []);
    expect(result).toEqual({ files: [], skipped: [], graphqlRequests: 0 });
  });

  it("shares one request for the same files at the same commit, never for a branch name", async () => {
    const sha = "a".repeat(40);
    const answer = (_q: string, variables: Record<string, unknown>) => ({
      repository: { f0: { text: `text of ${String(variables.e0)}`, isTruncated: false, byteSize: 10 } },
      rateLimit: { cost: 1, remaining: 4999, resetAt: "2026-11-21T13:00:00Z" },
    });
    mockGraphql(answer, 1);
    const repo = { owner: "acme", repo: "hackathon" };
    const [a, b] = await Promise.all([
      fetchFileTexts(graphql, repo, sha, ["w.md"]),
      fetchFileTexts(graphql, repo, sha, ["w.md"]),
    ]);
    expect(a.files).toEqual(b.files);
    expect(a.graphqlRequests + b.graphqlRequests).toBe(1);
    mockGraphql(answer, 2);
    await fetchFileTexts(graphql, repo, "main", ["w.md"]);
    await fetchFileTexts(graphql, repo, "main", ["w.md"]);
  });
});
