/**
 * `report` when GitHub does not answer: nothing listening at the address, or a stand-in that reads
 * every GraphQL request and never answers. Either way: exit 1 within a minute, one line naming
 * what could not be checked, and no linked topic called "untracked".
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../dev/app-process.js";
import { addPull, addRepo, createWorld, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { runReportCommand } from "../../src/cli/report-command.js";
import type { CliIo } from "../../src/cli/io.js";

const WRAPUP = `# Hack Week Wrap Up

## Linked Work

**Next Steps:** Get a review.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/2

## Two Links

**Next Steps:** Merge both.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/3, https://github.com/acme/widgets/issues/4

## Only Ideas

**Next Steps:** Talk about it.
`;

let dir: string;
let standIn: StandIn;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "report-silent-"));
  writeFileSync(join(dir, "wrapup.md"), WRAPUP);
  const world = createWorld();
  addRepo(world, "acme/widgets");
  addPull(world, "acme/widgets", { number: 2, createdAt: "2026-09-01T10:00:00Z", author: "bob" });
  standIn = await startStandIn({ world });
  standIn.faults.hang("graphql");
});

afterAll(async () => {
  await standIn?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function report(apiUrl: string, env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd: dir };
  const started = performance.now();
  const code = await runReportCommand(["wrapup.md", "--json", "--now", "2026-11-21T12:00:00Z", "--token", "t0k3n", "--api-url", apiUrl], io);
  const json = JSON.parse(out.join("")) as { files: { topics: { title: string; verdict: string; links: { verdict: string }[] }[] }[] };
  return { code, err, ms: performance.now() - started, topics: json.files[0]!.topics };
}

function expectHonest(run: Awaited<ReturnType<typeof report>>, cause: RegExp): void {
  expect(run.code).toBe(1);
  expect(run.err).toHaveLength(1);
  expect(run.err[0]).toMatch(/^wrapup-tracker report: 3 link\(s\) in 2 topic\(s\) could not be checked: /);
  expect(run.err[0]).toMatch(cause);
  expect(run.topics.map((t) => [t.title, t.verdict, t.links.map((l) => l.verdict)])).toEqual([
    ["Linked Work", "unchecked", ["unchecked"]],
    ["Two Links", "unchecked", ["unchecked", "unchecked"]],
    ["Only Ideas", "untracked", []],
  ]);
}

describe("report when GitHub does not answer", () => {
  it("nothing listening at the address: exit 1 at once, every linked topic unchecked", async () => {
    const port = await freePort();
    const run = await report(`http://127.0.0.1:${port}/api/v3`);
    expectHonest(run, /ECONNREFUSED/);
    expect(run.ms).toBeLessThan(60_000);
  }, 60_000);

  it("GraphQL accepts the request and never answers: gives up after the timeout and its retries", async () => {
    const run = await report(standIn.apiUrl, { WRAPUP_GITHUB_TIMEOUT_MS: "500" });
    expectHonest(run, /GitHub did not answer within 0\.5 s: POST http:\/\/127\.0\.0\.1:\d+\/api\/graphql/);
    // Four attempts (three retries with backoff), never a split batch: the same one query each time.
    expect(standIn.requests.filter((r) => r.route === "graphql")).toHaveLength(4);
    expect(run.ms).toBeLessThan(60_000);
  }, 60_000);
});
