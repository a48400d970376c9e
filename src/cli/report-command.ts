import { readFile } from "node:fs/promises";
import { resolve as resolvePath } from "node:path";
import { parseArgs } from "node:util";
import { parse as parseYaml } from "yaml";
import type { Link } from "../wrapup/types.js";
import { createOctokit, DEFAULT_API_URL } from "../github/client.js";
import { githubTimeoutFromEnv } from "../github/request-timeout.js";
import { resolveLinks, type ResolveResult } from "../github/resolve-links.js";
import { ConfigSchema, type Config } from "../config/schema.js";
import { validateConfig } from "../config/validate-config.js";
import { checkWrapUps } from "../pipeline/check-wrapups.js";
import { notAWrapUpFinding } from "../pipeline/not-a-wrap-up-finding.js";
import type { WrapUpReport } from "../progress/types.js";
import type { ResolveStats } from "../github/types.js";
import { renderStatusComment } from "../render/render-status-comment.js";
import { EXIT_OK, EXIT_USAGE, usageError, type CliIo } from "./io.js";
import { failIfUnchecked } from "./fail-if-unchecked.js";
import { readingOptionsOf } from "../pipeline/reading-options.js";

const HELP = `Usage: wrapup-tracker report FILE... [--json] [--now ISO] [--config FILE] [--token T] [--api-url URL]

Parses each wrap-up file, asks GitHub for the state of every linked PR, issue, discussion, branch
and commit, judges each topic (done, active, stalled, untracked, no plan) and prints the comment the app
would post on a wrap-up pull request, one per file.

Options:
  --json           print { files: [{ path, title, topics: [{ title, line, anchor, verdict, reason, since,
                   links: [{ key, url, verdict, state }] }], findings }], stats } instead
  --now ISO        judge as of this time (reproducible runs); default: now
  --config FILE    a .github/wrapup-tracker.yml to take staleAfterDays and graceDays from
  --token T        GitHub token (default GITHUB_TOKEN)
  --api-url URL    REST API base (default GITHUB_API_URL or ${DEFAULT_API_URL}; GHE: https://HOST/api/v3)
  -h, --help       show this help

Exit codes: 0 done; 1 some links could not be checked (GitHub did not answer, could not be reached,
or failed): they show as "❓ unchecked" and one line on stderr names the first; 2 bad usage, no token,
an invalid config, or a file that could not be read.

Every GitHub request gives up after WRAPUP_GITHUB_TIMEOUT_MS (default 30000) without an answer.`;

export interface ReportDeps {
  /** Replaces the GitHub resolver (tests). */
  resolve?: (links: Link[]) => Promise<ResolveResult>;
}

type Parsed = { files: string[]; json: boolean; now: Date; configFile?: string; token?: string; apiUrl?: string };

/** `wrapup-tracker report`: argument parsing, file reading and printing; the work is checkWrapUps. */
export async function runReportCommand(args: string[], io: CliIo, deps: ReportDeps = {}): Promise<number> {
  const parsed = parseOptions(args, io);
  if (typeof parsed === "number") return parsed;
  const config = await loadConfig(parsed.configFile, io);
  if (!config) return EXIT_USAGE;
  const resolve = deps.resolve ?? githubResolver(parsed, io);
  if (!resolve) return EXIT_USAGE;
  const { files, unreadable } = await readFiles(parsed.files, io);
  if (files.length === 0) return EXIT_USAGE;
  const { wrapUps, reports, stats } = await checkWrapUps(files, { now: parsed.now, config, resolve, reading: readingOptionsOf(config) });
  reports.forEach((report, i) => {
    const finding = notAWrapUpFinding(wrapUps[i]!, "named on the command line");
    if (finding) report.findings.unshift(finding);
  });
  io.out(parsed.json ? JSON.stringify(toJson(reports, stats), null, 2) : reports.map((r) => renderStatusComment([r], { now: parsed.now })).join("\n\n---\n\n"));
  if (unreadable) return EXIT_USAGE;
  return failIfUnchecked(io, "report", reports);
}

/** Problems with given input (a bad --now, an invalid config file, listed point by point). */
function fail(io: CliIo, message: string): number {
  io.err(`wrapup-tracker report: ${message}`);
  return EXIT_USAGE;
}

function parseOptions(args: string[], io: CliIo): Parsed | number {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        now: { type: "string" },
        config: { type: "string" },
        token: { type: "string" },
        "api-url": { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return usageError(io, "report", error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (positionals.length === 0) return usageError(io, "report", "no file given");
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) return fail(io, `--now: expected an ISO time like 2026-11-21T12:00:00Z, got "${values.now}"`);
  return { files: positionals, json: values.json, now, configFile: values.config, token: values.token, apiUrl: values["api-url"] };
}

/** Defaults without `--config`; null (after printing the problems) when the file is unusable. */
async function loadConfig(file: string | undefined, io: CliIo): Promise<Config | null> {
  if (!file) return ConfigSchema.parse({});
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(resolvePath(io.cwd, file), "utf8"));
  } catch (error) {
    fail(io, `cannot read config ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const result = validateConfig(raw);
  if (result.ok) return result.config;
  fail(io, `invalid config ${file}:\n${result.problems.map((p) => `  - ${p}`).join("\n")}`);
  return null;
}

function githubResolver(parsed: Parsed, io: CliIo): ((links: Link[]) => Promise<ResolveResult>) | null {
  const token = parsed.token ?? io.env.GITHUB_TOKEN;
  if (!token) {
    fail(io, "no GitHub token: pass --token or set GITHUB_TOKEN (no request was sent)");
    return null;
  }
  const apiUrl = (parsed.apiUrl ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL).replace(/\/+$/, "");
  // Octokit's own request log would add a line per failed attempt: the command says it once, at the end.
  const log = { debug: () => undefined, info: () => undefined, warn: (m: string) => io.err(`wrapup-tracker report: ${m}`), error: () => undefined };
  const octokit = createOctokit({ token, apiUrl, timeoutMs: githubTimeoutFromEnv(io.env), log });
  return (links) => resolveLinks(links, { graphql: octokit.graphql, scope: `token:${apiUrl}` });
}

async function readFiles(paths: string[], io: CliIo): Promise<{ files: { path: string; text: string }[]; unreadable: boolean }> {
  const files: { path: string; text: string }[] = [];
  let unreadable = false;
  for (const path of paths) {
    try {
      files.push({ path, text: await readFile(resolvePath(io.cwd, path), "utf8") });
    } catch (error) {
      unreadable = true;
      fail(io, `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return { files, unreadable };
}

function toJson(reports: WrapUpReport[], stats: ResolveStats) {
  return {
    files: reports.map((report) => ({
      path: report.path,
      title: report.title,
      topics: report.topics.map(({ topic, judgement }) => ({
        title: topic.title,
        line: topic.line,
        anchor: topic.anchor,
        verdict: judgement.verdict,
        reason: judgement.reason,
        since: judgement.since,
        links: judgement.links.map((l) => ({ key: l.key, url: l.url, verdict: l.verdict, state: l.badge })),
      })),
      findings: report.findings,
    })),
    stats,
  };
}
