import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/io.js";
import { runScanCommand } from "../../src/cli/scan-command.js";

const fixtures = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/event-reports");
const checkout = mkdtempSync(join(tmpdir(), "wrapup-explain-"));
cpSync(fixtures, checkout, { recursive: true });
afterAll(() => rmSync(checkout, { recursive: true, force: true }));

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, cwd: checkout };
}

describe("wrapup-tracker scan --explain FILE", () => {
  it("shows the evidence for a report, rule by rule, and its topics", async () => {
    const io = captureIo();
    expect(await runScanCommand(["--explain", "reports/sprint/2026-orbit-sprint-report.md", "reports"], io)).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toMatch(/^sprint\/2026-orbit-sprint-report\.md: wrap-up/);
    expect(out).toMatch(/\+ event: title "Orbit Python Sprint 2026 Sprint Report" names an event/);
    expect(out).toMatch(/\+ topics: 4 topic section\(s\), 4 with work links/);
    expect(out).toMatch(/line 8: orbit-core — 2 work link\(s\), next steps: yes; people: @ana-lindqvist/);
  });

  it("shows the evidence against an announcement", async () => {
    const io = captureIo();
    expect(await runScanCommand(["--explain", "others/_posts/2026-04-01-hack-week-is-coming.md", "others"], io)).toBe(0);
    const out = io.stdout.join("\n");
    expect(out).toMatch(/: not-a-wrap-up\n {2}not a wrap-up: an announcement: the title says "is coming"/);
    expect(out).toMatch(/- announcement: an announcement/);
    expect(out).toMatch(/verdict of the event-report rules: announcement/);
  });

  it("names the config key that would change a verdict, and the config in DIR changes it", async () => {
    const dir = join(checkout, "garden");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "days.md"), "# Garden Days: what we did\n\n## Valves\n\nMerged https://github.com/g/c/pull/1\n\n## Sensors\n\nFixed https://github.com/g/c/pull/2\n");
    const before = captureIo();
    await runScanCommand(["--explain", "garden/days.md", "garden"], before);
    expect(before.stdout.join("\n")).toMatch(/- event: no event named in the title, front matter or path {2}\[change: wrapups\.eventWords/);
    mkdirSync(join(dir, ".github"), { recursive: true });
    writeFileSync(join(dir, ".github/wrapup-tracker.yml"), "wrapups:\n  eventWords: [Garden Days]\n");
    const after = captureIo();
    await runScanCommand(["--explain", "garden/days.md", "garden"], after);
    expect(after.stdout.join("\n")).toMatch(/^days\.md: wrap-up/);
    const scan = captureIo();
    await runScanCommand(["garden", "--json"], scan);
    expect(JSON.parse(scan.stdout.join("")).wrapUps.map((w: { path: string }) => w.path)).toEqual(["days.md"]);
  });

  it("says when FILE cannot be read", async () => {
    const io = captureIo();
    expect(await runScanCommand(["--explain", "nope.md"], io)).toBe(2);
    expect(io.stderr.join("\n")).toEqual("wrapup-tracker scan: cannot read nope.md: no such file (see `wrapup-tracker scan --help`)");
  });
});
