/** Runs the built `wrapup-tracker sweep` CLI against a stand-in, as the app (its installation found by repository). */
import { execFile } from "node:child_process";
import { REPO_ROOT, testPrivateKey } from "./app-process.js";
import type { StandIn } from "./github-stand-in/index.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
  /** The summary printed with `--json`, when it was. */
  summary?: Record<string, unknown> & { failed: number; lookups: number; writes: number; deferred: number; unchecked: number };
}

export function runSweepCli(standIn: StandIn, repo: string, args: string[] = [], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["bin/wrapup-tracker.js", "sweep", "--repo", repo, "--api-url", standIn.apiUrl, "--json", ...args],
      {
        cwd: REPO_ROOT,
        env: { PATH: process.env.PATH ?? "", APP_ID: String(standIn.world.app.id), PRIVATE_KEY: testPrivateKey(), WRAPUP_WRITE_SPACING_MS: "0", WRAPUP_CREATE_SETTLE_MS: "0", ...env },
        timeout: 180_000,
        maxBuffer: 16 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const code = error ? Number((error as { code?: unknown }).code ?? 1) : 0;
        const json = stdout.slice(stdout.indexOf("{"));
        let summary: CliRun["summary"];
        try {
          summary = JSON.parse(json) as CliRun["summary"];
        } catch {
          summary = undefined;
        }
        resolve({ code, stdout, stderr, ms: Date.now() - started, ...(summary ? { summary } : {}) });
      },
    );
  });
}
