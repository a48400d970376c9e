import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runParseCommand } from "../../src/cli/parse-command.js";
import type { CliIo } from "../../src/cli/io.js";
import { wrapUpSchema } from "../wrapup/wrapup-schema.js";

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "../..");

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, cwd: repoRoot };
}

const bold = "test/fixtures/wrapups/bold-fields.md";
const scraped = "test/fixtures/wrapups/scraped-plain.txt";

describe("wrapup-tracker parse", () => {
  it("prints one JSON array with one element per file, in the documented shape", async () => {
    const io = captureIo();
    expect(await runParseCommand([bold, scraped, "--json"], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    const parsed: unknown = JSON.parse(io.stdout[0] ?? "");
    expect(Array.isArray(parsed)).toBe(true);
    const files = (parsed as unknown[]).map((element) => wrapUpSchema.parse(element));
    expect(files.map((f) => [f.path, f.topics.length])).toEqual([[bold, 3], [scraped, 3]]);
    expect(files[0]?.topics[0]?.links[0]).toEqual({
      url: "https://github.com/acme/widgets/pull/101", kind: "pull", owner: "acme", repo: "widgets", number: 101, field: "code", line: 17,
    });
    expect(io.stderr).toEqual([]);
  });

  it("prints a readable summary without --json", async () => {
    const io = captureIo();
    expect(await runParseCommand([bold], io)).toBe(0);
    const text = io.stdout.join("\n");
    expect(text).toContain(`${bold}: Hack Week 03/2026 Wrap Up (2026-03-01)`);
    expect(text).toContain("3 topic(s), 2 with next steps");
    expect(text).toContain("- line 7: Faster Widget Builds\n      next steps: yes; 2 pull, 1 branch");
    expect(text).toContain("- line 21: Drop The Legacy Importer\n      next steps: no; 1 issue, 1 pull, 1 commit");
    expect(text).toMatch(/1 warning\(s\):\n {4}line 47: /);
  });

  it("reports a missing file on stderr with exit code 2, after parsing the others", async () => {
    const io = captureIo();
    expect(await runParseCommand(["no-such-file.md", bold, "--json"], io)).toBe(2);
    expect(io.stderr).toEqual(["wrapup-tracker parse: cannot read no-such-file.md: no such file"]);
    expect((JSON.parse(io.stdout[0] ?? "[]") as unknown[]).length).toBe(1);
  });

  it("reports a directory as unreadable", async () => {
    const io = captureIo();
    expect(await runParseCommand(["test"], io)).toBe(2);
    expect(io.stderr).toEqual(["wrapup-tracker parse: cannot read test: it is a directory"]);
  });

  it("documents itself with --help", async () => {
    const io = captureIo();
    expect(await runParseCommand(["--help"], io)).toBe(0);
    expect(io.stdout.join("")).toMatch(/^Usage: wrapup-tracker parse FILE\.\.\. \[--json\]/);
  });

  it.each([[[]], [["--bogus", bold]]])("rejects bad usage %j with exit code 2", async (args) => {
    const io = captureIo();
    expect(await runParseCommand(args, io)).toBe(2);
    // One line, pointing to the help: never the whole help text.
    expect(io.stderr).toHaveLength(1);
    expect(io.stderr[0]).toMatch(/^wrapup-tracker parse: .* \(see `wrapup-tracker parse --help`\)$/);
  });
});
