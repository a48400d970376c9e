import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runScanCommand, scanDirectory } from "../../src/cli/scan-command.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");
const docsSite = join(repoRoot, "test/fixtures/docs-site");
const corpus = join(repoRoot, "../shared/corpus");

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, cwd: repoRoot };
}

/** A checkout: the docs-site fixture plus generated pages, a .git folder and node_modules that must be skipped. */
const checkout = mkdtempSync(join(tmpdir(), "wrapup-scan-"));
cpSync(docsSite, checkout, { recursive: true });
for (const dir of [".git", "node_modules/some-lib"]) {
  mkdirSync(join(checkout, dir), { recursive: true });
  writeFileSync(join(checkout, dir, "README.md"), "# Hack Week 01/2026 Wrap Up\n\n## A\n\n**Problem Statement:** a\n\n**Next Steps:** b\n");
}
for (let i = 0; i < 40; i++) {
  mkdirSync(join(checkout, "website/docs/generated"), { recursive: true });
  writeFileSync(join(checkout, `website/docs/generated/page-${i}.md`), `# Page ${i}\n\n## Usage\n\nSee https://github.com/acme/widgetry/pull/${i + 1}.\n`);
}
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

const WRAP_UPS = [
  "website/community/hackathons/2021-11.md",
  "website/community/hackathons/2022-09.md",
  "website/community/hackathons/2024-05.md",
  "website/community/hackathons/2026-05.md",
];

describe("wrapup-tracker scan", () => {
  it("finds every wrap-up of a docs checkout and no other file; lists the retelling with what it retells", async () => {
    const result = await scanDirectory(checkout);
    expect(result.wrapUps.filter((w) => w.kind === "wrap-up").map((w) => w.path)).toEqual(WRAP_UPS);
    expect(result.wrapUps.filter((w) => w.kind === "retelling")).toEqual([
      expect.objectContaining({
        path: "website/blog/2024/06/hack-the-widgets-recap.md",
        retells: [
          "website/community/hackathons/2024-05.md#-faster-widget-start-up",
          "website/community/hackathons/2024-05.md#-ipv6-on-every-provider",
          "website/community/hackathons/2024-05.md#-smaller-images",
          "website/community/hackathons/2024-05.md#-fewer-restarts",
        ],
      }),
    ]);
    // .git and node_modules are never looked into; dot folders (.github) are not candidates, as in the app.
    expect([...result.wrapUps, ...result.others].some((f) => /^(\.git|node_modules|\.github)\//.test(f.path))).toBe(false);
    expect(result.files).toBe(60);
    expect(result.parsed).toBeLessThan(result.files);
  });

  it("--json prints wrap-ups and, with --all, the others with their reasons, paths relative to DIR", async () => {
    const io = captureIo();
    expect(await runScanCommand([checkout, "--json", "--all"], io)).toBe(0);
    const json = JSON.parse(io.stdout.join("")) as { wrapUps: Record<string, unknown>[]; others: { path: string; why: string }[] };
    expect(json.wrapUps.find((w) => w.path === "website/community/hackathons/2024-05.md")).toEqual({
      path: "website/community/hackathons/2024-05.md",
      title: "Hack The Widgets 05/2024 Wrap Up",
      date: "2024-05-17",
      topics: 4,
      withNextSteps: 2,
      withWorkLinks: 4,
      why: "wrap-up: 4 topics, 4 with wrap-up fields (problem statement, motivation, achievements, next steps, code)",
      kind: "wrap-up",
    });
    expect(json.others.find((o) => o.path === "website/blog/2020/10/gardener-v1-8-0-released.md")?.why).toMatch(/^not a wrap-up: reads like release notes/);
    expect(json.others).toHaveLength(60 - json.wrapUps.length);
  });

  it("prints each wrap-up with its reason; --all adds the rest", async () => {
    const io = captureIo();
    expect(await runScanCommand([checkout], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toContain("website/community/hackathons/2024-05.md: Hack The Widgets 05/2024 Wrap Up (2024-05-17)\n  wrap-up: 4 topics");
    expect(text).toContain("4 topic(s): 2 with next steps, 4 with work links");
    expect(text).toContain("4 wrap-up(s) and 1 retelling(s) among 60 markdown file(s)");
    expect(text).not.toContain("Not wrap-ups:");
    const all = captureIo();
    await runScanCommand([checkout, "--all"], all);
    expect(all.stdout.join("\n")).toContain("Not wrap-ups:\nCHANGELOG.md\n");
  });

  it("shows progress only where the terminal asked for it (io.progress), counting up to every file read, then erases it", async () => {
    const shown: (string | null)[] = [];
    const io = { ...captureIo(), progress: (text: string | null) => void shown.push(text) };
    expect(await runScanCommand([checkout], io)).toBe(0);
    const counts = shown.filter((t): t is string => t !== null).map((t) => Number(/… (\d+) of/.exec(t)![1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(shown.at(-1)).toBeNull();
    // Without a terminal (no io.progress) stderr stays empty.
    const quiet = captureIo();
    expect(await runScanCommand([checkout], quiet)).toBe(0);
    expect(quiet.stderr).toEqual([]);
  });

  it("says what is wrong with its arguments", async () => {
    const none = captureIo();
    expect(await runScanCommand([], none)).toBe(2);
    expect(none.stderr.join("")).toContain("give exactly one directory");
    const missing = captureIo();
    expect(await runScanCommand(["no/such/dir"], missing)).toBe(2);
    expect(missing.stderr).toEqual(["wrapup-tracker scan: cannot read no/such/dir: no such folder (see `wrapup-tracker scan --help`)"]);
  });

  it.runIf(existsSync(corpus))("on the shared corpus: every event file is a wrap-up (11/2025 without topics yet), the index is not", async () => {
    const result = await scanDirectory(join(corpus, "gardener-community-hackathon"));
    expect(result.wrapUps.map((w) => [w.path, w.topics])).toEqual([
      ["2021-11_Steinberg.md", 3], ["2022-09_Hirschegg.md", 8], ["2023-05_Leverkusen.md", 10], ["2023-11_Schelklingen.md", 10],
      ["2024-05_Schelklingen.md", 15], ["2024-12_Schelklingen.md", 23], ["2025-06_Schelklingen.md", 15], ["2025-07_Sofia.md", 9],
      ["2025-11_Schelklingen.md", 0],
    ]);
    expect(result.others.map((o) => o.path)).toEqual(["index.md"]);
  });
});

describe("wrapup-tracker scan on a file it cannot read", () => {
  it("names a file over 1 MB under 'Not read', without --all, and in --json", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wrapup-scan-huge-"));
    try {
      writeFileSync(join(dir, "dump.md"), `# Hack Days dump\n\n${"lorem ipsum ".repeat(90_000)}`);
      writeFileSync(join(dir, "notes.md"), "# Notes\n\nNothing here.\n");
      const io = captureIo();
      expect(await runScanCommand([dir], io)).toBe(0);
      expect(io.stdout.join("\n")).toContain(
        "Not read (they may be wrap-ups; make them smaller to have them read):\ndump.md\n  too large/complex to read: 1.1 MB, over the 1.0 MB limit",
      );
      const json = captureIo();
      await runScanCommand([dir, "--json"], json);
      expect((JSON.parse(json.stdout.join("")) as { unreadable: unknown[] }).unreadable).toEqual([
        { path: "dump.md", why: "too large/complex to read: 1.1 MB, over the 1.0 MB limit (files that large are not read)" },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
