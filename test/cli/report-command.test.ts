import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runReportCommand } from "../../src/cli/report-command.js";
import type { CliIo } from "../../src/cli/io.js";
import type { Link } from "../../src/wrapup/types.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import type { LinkState, ResolvedStates } from "../../src/github/types.js";
import { pull } from "../progress/build-states.js";

const WRAPUP = `# Hack Week Wrap Up

## Faster Builds

**Next Steps:** Roll the cache out to CI.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/101

## Importer

**Next Steps:** N/A

**Code/Pull Requests:** https://github.com/acme/widgets/pull/120
`;

/** A report of an event named only by a word of the repository's own (`wrapups.eventWords`). */
const GARDEN_DAYS = `# Garden Days 2026: what we did

## Faster Builds

- Merged the cache rewrite: https://github.com/acme/widgets/pull/120
- WIP: roll it out to CI, https://github.com/acme/widgets/pull/101

## Importer

- Fixed the CSV importer: https://github.com/acme/widgets/pull/120
`;

const stats = { graphqlRequests: 1, points: 1, restRequests: 0, cacheHits: 0, ms: 3 };
const world = new Map<string, LinkState>([
  ["pull:acme/widgets#101", pull({ owner: "acme", repo: "widgets", number: 101, lastHumanActivityAt: "2026-10-01T00:00:00Z" })],
  ["pull:acme/widgets#120", pull({ owner: "acme", repo: "widgets", number: 120, state: "MERGED", mergedAt: "2026-11-01T00:00:00Z" })],
]);
const resolve = vi.fn(async (links: Link[]) => {
  const states: ResolvedStates = new Map(links.map((l) => [linkKey(l)!, world.get(linkKey(l)!)!]));
  return { states, stats };
});

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "report-"));
  writeFileSync(join(dir, "wrapup.md"), WRAPUP);
  writeFileSync(join(dir, "bad.yml"), "staleAfterDays: soon\nfollowUp:\n  enable: true\n");
  writeFileSync(join(dir, "short.yml"), "staleAfterDays: 10\n");
  writeFileSync(join(dir, "words.yml"), "wrapups:\n  eventWords: [Garden Days]\n");
  writeFileSync(join(dir, "garden-days.md"), GARDEN_DAYS);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const value: CliIo = { out: (t) => out.push(t), err: (t) => err.push(t), env, cwd: dir };
  return { io: value, out, err };
}

describe("report", () => {
  it("prints the verdicts as JSON, reproducibly with --now", async () => {
    const t = io();
    const code = await runReportCommand(["wrapup.md", "--json", "--now", "2026-11-21T00:00:00Z"], t.io, { resolve });
    expect(code).toBe(0);
    const json = JSON.parse(t.out.join(""));
    expect(json.stats).toEqual(stats);
    expect(json.files[0]).toMatchObject({ path: "wrapup.md", title: "Hack Week Wrap Up" });
    expect(json.files[0].topics).toEqual([
      {
        title: "Faster Builds", line: 3, anchor: "faster-builds", verdict: "stalled",
        reason: "PR acme/widgets#101 open, no activity for 51 days", since: "2026-10-31",
        links: [{ key: "pull:acme/widgets#101", url: "https://github.com/acme/widgets/pull/101", verdict: "stale", state: "open" }],
      },
      {
        title: "Importer", line: 9, anchor: "importer", verdict: "done", reason: "PR acme/widgets#120 merged 20 days ago", since: null,
        links: [{ key: "pull:acme/widgets#120", url: "https://github.com/acme/widgets/pull/120", verdict: "done", state: "merged" }],
      },
    ]);
  });

  it("takes staleAfterDays from --config", async () => {
    const t = io();
    await runReportCommand(["wrapup.md", "--json", "--now", "2026-10-12T00:00:00Z", "--config", "short.yml"], t.io, { resolve });
    expect(JSON.parse(t.out.join("")).files[0].topics[0].verdict).toBe("stalled");
    const u = io();
    await runReportCommand(["wrapup.md", "--json", "--now", "2026-10-12T00:00:00Z"], u.io, { resolve });
    expect(JSON.parse(u.out.join("")).files[0].topics[0].verdict).toBe("active");
  });

  it("reads with the event words of --config (wrapups.eventWords)", async () => {
    const args = ["garden-days.md", "--now", "2026-11-21T00:00:00Z"];
    const plain = io();
    await runReportCommand(args, plain.io, { resolve });
    expect(plain.out.join("")).toContain("named on the command line but does not read like a wrap-up");
    const configured = io();
    await runReportCommand([...args, "--config", "words.yml"], configured.io, { resolve });
    expect(configured.out.join("")).not.toContain("does not read like a wrap-up");
    expect(configured.out.join("")).toContain("**2 topics**");
  });

  it("prints the PR comment markdown by default", async () => {
    const t = io();
    expect(await runReportCommand(["wrapup.md", "--now", "2026-11-21T00:00:00Z"], t.io, { resolve })).toBe(0);
    const text = t.out.join("");
    expect(text).toContain("**2 topics** · 🔴 1 stalled · ✅ 1 done");
    expect(text).toContain("| 🔴 stalled | Faster Builds |");
  });

  it.each([
    [["wrapup.md", "--config", "bad.yml"], /invalid config bad\.yml:\n  - staleAfterDays: expected a positive integer, got "soon"\n  - followUp\.enable: unknown key/],
    [["wrapup.md", "--config", "nope.yml"], /cannot read config nope\.yml/],
    [["wrapup.md", "--now", "yesterday"], /--now: expected an ISO time/],
    [[], /no file given/],
    [["--bogus", "wrapup.md"], /Unknown option '--bogus'/],
  ])("%j → exit 2 with a readable message", async (args, message) => {
    const t = io();
    expect(await runReportCommand(args, t.io, { resolve })).toBe(2);
    expect(t.err.join("\n")).toMatch(message);
  });

  it("needs a token before it sends anything", async () => {
    const t = io();
    expect(await runReportCommand(["wrapup.md"], t.io)).toBe(2);
    expect(t.err.join("")).toContain("no GitHub token: pass --token or set GITHUB_TOKEN");
  });

  it("still reports the readable files when one cannot be read, and exits 2", async () => {
    const t = io();
    expect(await runReportCommand(["missing.md", "wrapup.md", "--json", "--now", "2026-11-21T00:00:00Z"], t.io, { resolve })).toBe(2);
    expect(t.err.join("")).toContain("cannot read missing.md");
    expect(JSON.parse(t.out.join("")).files).toHaveLength(1);
  });
});
