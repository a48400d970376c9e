/**
 * The CLI as users get it without cloning: `npm pack`, installed from the tarball into an empty
 * folder (its dependencies from the npm registry), then `npx wrapup-tracker --version` and `scan`.
 * Needs lib/ built (`npm test` builds first) and the registry or npm's cache.
 */
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { REPO_ROOT } from "../e2e/helpers/app-process.js";

const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { name: string; version: string };
/** npm run by `npm test` exports its own settings as npm_* variables; the inner npm reads its own. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_"))) as NodeJS.ProcessEnv;

describe("the packed CLI", () => {
  const home = mkdtempSync(join(tmpdir(), "wrapup-pack-"));
  const consumer = join(home, "consumer");
  let packed: string[] = [];

  beforeAll(async () => {
    // --ignore-scripts: lib/ is built already; `prepare` would rebuild it under the running tests.
    const { stdout } = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", home], { cwd: REPO_ROOT, env });
    const [report] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
    packed = report!.files.map((f) => f.path);
    mkdirSync(consumer);
    writeFileSync(join(consumer, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    await run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", "--loglevel=error", join(home, report!.filename)], { cwd: consumer, env, timeout: 240_000 });
  }, 300_000);

  it("holds the CLI and what it imports, and nothing else", () => {
    expect(packed).toEqual(expect.arrayContaining(["package.json", "bin/wrapup-tracker.js", "lib/cli/main.js", "lib/cli/version.js", "lib/cli/scan-command.js", "lib/cli/sweep-command.js"]));
    const unwanted = packed.filter(
      (path) =>
        /^(src|test|dev|bench|scripts|dist|examples|deploy|config|node_modules|\.ci)\//.test(path) ||
        /\.(map|ts)$/.test(path) ||
        /^lib\/(server|index|action)\.js$/.test(path) ||
        /^lib\/(handlers|metrics|lifecycle|commands|action)\//.test(path) ||
        /^(Dockerfile|docker-compose\.yml|action\.yml|app\.yml|\.env.*)$/.test(path),
    );
    expect(unwanted).toEqual([]);
  });

  it("npx wrapup-tracker --version prints the package's version", async () => {
    const { stdout } = await run("npx", ["wrapup-tracker", "--version"], { cwd: consumer, env, timeout: 60_000 });
    expect(stdout.trim()).toBe(pkg.version);
  }, 90_000);

  it("npx wrapup-tracker scan DIR finds the wrap-ups of a checkout", async () => {
    const checkout = join(home, "checkout");
    cpSync(join(REPO_ROOT, "examples/wrapups"), join(checkout, "hackathons"), { recursive: true });
    writeFileSync(join(checkout, "README.md"), "# Our docs\n\nNothing about events here.\n");
    const { stdout } = await run("npx", ["wrapup-tracker", "scan", checkout, "--json"], { cwd: consumer, env, timeout: 60_000 });
    const { wrapUps } = JSON.parse(stdout) as { wrapUps: { path: string; kind: string }[] };
    expect(wrapUps.map((w) => [w.path, w.kind])).toEqual([
      ["hackathons/2025-10-lumen-hack-days.md", "wrap-up"],
      ["hackathons/2026-09-lumen-hack-days.md", "wrap-up"],
    ]);
  }, 90_000);
});
