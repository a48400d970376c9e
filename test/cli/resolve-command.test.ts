import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runResolveCommand } from "../../src/cli/resolve-command.js";
import type { CliIo } from "../../src/cli/io.js";
import nock from "nock";
import { API, expectGraphql, useNock } from "../fixtures/graphql/github-mock.js";
import { issueNode, pullNode, rateLimitNode } from "../fixtures/graphql/nodes.js";

useNock();

const dir = mkdtempSync(join(tmpdir(), "resolve-command-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const WRAP_UP = `# Hack Week Wrap Up

## Rocket engine

**Code/Pull Requests:** https://github.com/acme/rocket/pull/1, https://github.com/acme/rocket/blob/main/README.md

**Issue:** https://github.com/acme/rocket/issues/2
`;
writeFileSync(join(dir, "a.md"), WRAP_UP);
// The same pull request, written with another case, in a second file.
writeFileSync(join(dir, "b.md"), "# Other\n\n## Again\n\n**Code:** https://github.com/ACME/Rocket/pull/1\n");

function io(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const cliIo: CliIo = { out: (t) => void out.push(t), err: (t) => void err.push(t), env, cwd: dir };
  return { cliIo, out, err };
}

const answer = () => ({
  data: { l0: { pullRequest: pullNode(1) }, l1: { issue: issueNode(2) }, rateLimit: rateLimitNode({ cost: 1 }) },
});

describe("wrapup-tracker resolve", () => {
  it("refuses to run without a token, with exit code 2 and no request sent", async () => {
    const { cliIo, out, err } = io({});
    expect(await runResolveCommand(["a.md", "--json"], cliIo)).toBe(2);
    expect(err.join("\n")).toMatch(/no token: pass --token or set GITHUB_TOKEN/);
    expect(out).toEqual([]);
  });

  it("prints every distinct work item with its state, and the request stats, as JSON", async () => {
    const calls = expectGraphql(answer);
    const { cliIo, out } = io({ GITHUB_TOKEN: "env-token" });
    expect(await runResolveCommand(["a.md", "b.md", "--json"], cliIo)).toBe(0);
    const output = JSON.parse(out.join(""));
    expect(Object.keys(output)).toEqual(["links", "stats"]);
    expect(Object.keys(output.stats).sort()).toEqual(["cacheHits", "graphqlRequests", "ms", "points", "restRequests"]);
    expect(output.stats).toMatchObject({ graphqlRequests: 1, points: 1, restRequests: 0, cacheHits: 0 });
    expect(output.links.map((l: { key: string; kind: string; status: string }) => [l.key, l.kind, l.status])).toEqual([
      ["pull:acme/rocket#1", "pull", "ok"],
      ["issue:acme/rocket#2", "issue", "ok"],
    ]);
    expect(output.links[0]).toMatchObject({ url: "https://github.com/acme/rocket/pull/1", state: "OPEN", title: "PR 1" });
    expect(calls[0].aliases).toEqual(["l0", "l1"]);
  });

  it.each([
    ["--api-url", ["--api-url", "http://ghe.local/api/v3"], {}, "http://ghe.local", "/api/graphql"],
    ["GITHUB_API_URL", [], { GITHUB_API_URL: "http://ghe.local/api/v3" }, "http://ghe.local", "/api/graphql"],
    ["a stand-in without /api/v3", ["--api-url", "http://localhost:4000"], {}, "http://localhost:4000", "/graphql"],
  ])("derives the GraphQL URL from %s", async (_name, flags, env, origin, path) => {
    const calls = expectGraphql(answer, [], origin, path);
    const { cliIo } = io({ GITHUB_TOKEN: "t", ...env });
    expect(await runResolveCommand(["a.md", "--json", ...flags], cliIo)).toBe(0);
    expect(calls).toHaveLength(1);
  });

  it("prefers --token over GITHUB_TOKEN", async () => {
    // Only a request carrying the flag's token matches; the unused-mock check fails the test otherwise.
    nock(API).post("/graphql").matchHeader("authorization", "token flag-token").reply(200, answer());
    const { cliIo } = io({ GITHUB_TOKEN: "env-token" });
    expect(await runResolveCommand(["a.md", "--json", "--token", "flag-token"], cliIo)).toBe(0);
  });

  it("exits 2 for a missing file and still resolves the others", async () => {
    expectGraphql(answer);
    const { cliIo, err } = io({ GITHUB_TOKEN: "t" });
    expect(await runResolveCommand(["a.md", "nope.md", "--json"], cliIo)).toBe(2);
    expect(err.join("\n")).toMatch(/cannot read nope\.md: ENOENT/);
  });
});
