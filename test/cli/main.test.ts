import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: {}, cwd: process.cwd() };
}

describe("wrapup-tracker: one error style for every command", () => {
  it.each([
    [["bogus"], 'wrapup-tracker: unknown command "bogus" (see `wrapup-tracker --help`)'],
    [["scan", "no/such/folder"], "wrapup-tracker scan: cannot read no/such/folder: no such folder (see `wrapup-tracker scan --help`)"],
    [["sweep", "--repo", "foo"], 'wrapup-tracker sweep: --repo: expected OWNER/NAME, got "foo" (see `wrapup-tracker sweep --help`)'],
    [["parse"], "wrapup-tracker parse: no file given (see `wrapup-tracker parse --help`)"],
    [["report", "--bogus"], expect.stringMatching(/^wrapup-tracker report: Unknown option '--bogus'.* \(see `wrapup-tracker report --help`\)$/)],
  ])("%j: one line on stderr, exit 2, nothing on stdout", async (argv, line) => {
    const io = captureIo();
    expect(await main(argv, io)).toBe(2);
    expect(io.stderr).toEqual([line]);
    expect(io.stderr[0]).not.toContain("\n");
    expect(io.stdout).toEqual([]);
  });
});
