/**
 * `report --json` against the independent GitHub stand-in: real Octokit, real resolver, a world of
 * known states, and the verdict the progress rules define for each link and topic.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { addBranch, addIssue, addPull, addRepo, createWorld, makeComment, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { runReportCommand } from "../../src/cli/report-command.js";
import type { CliIo } from "../../src/cli/io.js";

const NOW = "2026-11-21T12:00:00Z";
const daysAgo = (days: number) => new Date(Date.parse(NOW) - days * 86_400_000).toISOString();

const WRAPUP = `# Hack Week Wrap Up

## Merged Work

**Next Steps:** N/A

**Code/Pull Requests:** https://github.com/acme/widgets/pull/1

## Quiet PR

**Next Steps:** Get a review.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/2

## Busy PR

**Next Steps:** Address the review comments.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/3

## Forgotten Branch

**Next Steps:** Open a PR.

**Code/Pull Requests:** https://github.com/alice/widgets/tree/forgotten

## Dropped Idea

**Next Steps:** Maybe later.

**Issue:** https://github.com/acme/widgets/issues/4

## Wrong Number

**Next Steps:** Fix the link.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/999

## Only Ideas

**Next Steps:** Talk about it.
`;

let standIn: StandIn;
let dir: string;

beforeAll(async () => {
  const world = createWorld();
  addRepo(world, "acme/widgets");
  addRepo(world, "alice/widgets");
  addPull(world, "acme/widgets", { number: 1, state: "MERGED", createdAt: daysAgo(40), mergedAt: daysAgo(12), author: "alice" });
  // Only a bot commented lately: bots never count as activity.
  addPull(world, "acme/widgets", { number: 2, createdAt: daysAgo(74), author: "bob", comments: [makeComment(world, "renovate[bot]", "rebased", daysAgo(1))] });
  addPull(world, "acme/widgets", { number: 3, createdAt: daysAgo(50), author: "carol", comments: [makeComment(world, "dave", "looks good", daysAgo(2))] });
  addBranch(world.repos["alice/widgets"]!, "forgotten", { commits: [{ committedDate: daysAgo(340), author: "alice" }] });
  addIssue(world, "acme/widgets", { number: 4, state: "CLOSED", stateReason: "NOT_PLANNED", createdAt: daysAgo(60), closedAt: daysAgo(30) });
  standIn = await startStandIn({ world });
  dir = mkdtempSync(join(tmpdir(), "report-stand-in-"));
  writeFileSync(join(dir, "wrapup.md"), WRAPUP);
});

afterAll(async () => {
  await standIn?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("report --json against the stand-in", () => {
  it("gives every topic and link the verdict the rules define, with reasons naming the evidence", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env: {}, cwd: dir };
    const code = await runReportCommand(["wrapup.md", "--json", "--now", NOW, "--token", "t0k3n", "--api-url", standIn.apiUrl], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const json = JSON.parse(out.join(""));
    const rows = json.files[0].topics.map((t: { title: string; verdict: string; reason: string; links: { verdict: string; state: string }[] }) => [
      t.title, t.verdict, t.reason, t.links.map((l) => `${l.verdict}/${l.state}`),
    ]);
    expect(rows).toEqual([
      ["Merged Work", "done", "PR acme/widgets#1 merged 12 days ago", ["done/merged"]],
      ["Quiet PR", "stalled", "PR acme/widgets#2 open, no activity for 74 days", ["stale/open"]],
      ["Busy PR", "active", "PR acme/widgets#3 open, last activity 2 days ago", ["active/open"]],
      ["Forgotten Branch", "stalled", "branch alice/widgets:forgotten has no pull request; last commit 11 months ago", ["unpublished/no PR"]],
      ["Dropped Idea", "stalled", "issue acme/widgets#4 closed as not planned 30 days ago", ["abandoned/closed"]],
      ["Wrong Number", "stalled", "PR acme/widgets#999 not found (deleted, wrong number, or private)", ["missing/missing"]],
      ["Only Ideas", "untracked", "next steps, but no linked PR, issue or branch to watch", []],
    ]);
    expect(json.files[0].findings.map((f: { kind: string }) => f.kind)).toEqual(expect.arrayContaining(["unresolvable-link", "no-links"]));
    expect(json.stats.graphqlRequests).toBeGreaterThan(0);
    expect(standIn.requests.every((r) => r.method === "POST" && r.route === "graphql" || r.method === "GET")).toBe(true);
  });
});
