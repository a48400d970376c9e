import { parseArgs } from "node:util";
import { Probot, type ProbotOctokit } from "probot";
import { appOctokitClass } from "../github/client.js";
import { checkReachable } from "../github/check-reachable.js";
import { githubTimeoutFromEnv } from "../github/request-timeout.js";
import { createRequestQueue, useSharedRequestQueue } from "../github/request-queue.js";
import { createWaitLimit, formatResetTime, type WaitLimit } from "../github/wait-limit.js";
import { findAppSelf, findTokenSelf } from "../github/find-self.js";
import { runSweep, summarizeSweep, type SweepSummary } from "../sweep/run-sweep.js";
import { describeSweep } from "./describe-sweep.js";
import type { Self } from "../writes/own-comment.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, oneLine, usageError, type CliIo } from "./io.js";
import { readSweepCredentials, resolveApiUrl, type SweepCredentials } from "./sweep-credentials.js";

const HELP = `Usage: wrapup-tracker sweep --repo OWNER/NAME [--dry-run] [--now ISO] [--max-wait S] [--api-url URL] [--token T] [--json]

Checks every wrap-up on the repository's default branch and opens, reminds on or closes
follow-up issues for its topics, exactly as the app's scheduled sweep does.

Credentials: APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH (the app; its installation on the
repository is looked up), else --token or GITHUB_TOKEN.

Options:
  --repo OWNER/NAME  repository holding the wrap-ups (required)
  --dry-run          list every write a real sweep would make (the dashboard's too) and make none
  --now ISO          judge as of this time (reproducible runs)
  --max-wait S       wait at most S seconds, all together, for GitHub's rate limits (default 60)
  --api-url URL      REST API base (default GITHUB_API_URL, GHE_HOST, or https://api.github.com)
  --token T          token to use instead of GITHUB_TOKEN
  --json             print the summary as JSON (counts, outcomes and every write) instead of sentences
  -h, --help         show this help

Every GitHub request gives up after WRAPUP_GITHUB_TIMEOUT_MS (default 30000) without an answer;
reads are retried with backoff, then the sweep stops.

Exit codes: 0 swept (writes left for the next sweep by pacing are listed as deferred);
1 GitHub failed, did not answer or could not be reached (one line names what), topics could not
be checked, or some writes failed; 2 bad usage or no credentials; 3 stopped by a rate
limit lasting past --max-wait: nothing was written for what could not be checked, and one line
names the limit and when it resets (UTC). The next sweep resumes.`;

/** Exit code of a sweep stopped by a rate limit it may not wait for. */
export const EXIT_RATE_LIMITED = 3;

/**
 * `wrapup-tracker sweep`: arguments and credentials here; the sweep itself is runSweep.
 * `onSummary` hands the summary to a caller that reports it elsewhere (the Action's outputs).
 */
export async function runSweepCommand(args: string[], io: CliIo, onSummary?: (summary: SweepSummary) => void): Promise<number> {
  const parsed = parseSweepArgs(args, io);
  if (typeof parsed === "number") return parsed;
  const credentials = await readSweepCredentials(io, parsed.token);
  if (credentials.kind === "none") {
    io.err(`wrapup-tracker sweep: ${credentials.reason}`);
    return EXIT_USAGE;
  }
  const waitLimit = createWaitLimit(parsed.maxWaitSeconds * 1000);
  // One run, one queue: GraphQL waits for limits count against --max-wait too.
  useSharedRequestQueue(createRequestQueue({ waitLimit }));
  try {
    const apiUrl = resolveApiUrl(io, parsed.apiUrl);
    const unreachable = await checkReachable(apiUrl, githubTimeoutFromEnv(io.env));
    if (unreachable) return stopped(io, unreachable);
    const { octokit, self, scope } = await connect(credentials, parsed.repo, apiUrl, waitLimit);
    // A one-shot process has nothing to reuse: no state cache (checkWrapUps already asks once per link).
    const done = showProgress(io, parsed.repo);
    const summary = await runSweep(octokit, parsed.repo, { now: parsed.now, dryRun: parsed.dryRun, scope, self, cache: null }).finally(done);
    printSummary(io, summary, parsed.json);
    onSummary?.(summary);
    if (waitLimit.refused) return stoppedByLimit(io, waitLimit, parsed.maxWaitSeconds, summary);
    if (summary.status === "config-unavailable") return stopped(io, `the configuration could not be read: ${summary.error ?? "unknown error"}`);
    if (summary.unchecked > 0) return stopped(io, `${summary.unchecked} topic(s) could not be checked and got no write: ${summary.uncheckedReason ?? "unknown error"}`);
    return summary.failed > 0 ? EXIT_FAILURE : EXIT_OK;
  } catch (error) {
    if (waitLimit.refused) return stoppedByLimit(io, waitLimit, parsed.maxWaitSeconds);
    return stopped(io, (error as Error).message);
  }
}

/** One line on stderr, exit 1: GitHub failed or did not answer; what could not be checked was not written. */
function stopped(io: CliIo, message: string): number {
  io.err(`wrapup-tracker sweep: stopped: ${oneLine(message)}`);
  return EXIT_FAILURE;
}

/** The one line a sweep stopped by a rate limit prints: which limit, until when, what was left. */
function stoppedByLimit(io: CliIo, waitLimit: WaitLimit, maxWaitSeconds: number, summary?: SweepSummary): number {
  const { limit, until } = waitLimit.refused!;
  const left = summary ? `${summary.unchecked} topic(s) not checked and ${summary.deferred} write(s) left` : "nothing written";
  io.err(`wrapup-tracker sweep: stopped: GitHub's ${limit} is used up until ${formatResetTime(until)}, past --max-wait ${maxWaitSeconds} s; ${left} for the next sweep.`);
  return EXIT_RATE_LIMITED;
}

interface SweepArgs {
  repo: { owner: string; repo: string };
  dryRun: boolean;
  now: Date;
  apiUrl?: string;
  token?: string;
  json: boolean;
  maxWaitSeconds: number;
}

function parseSweepArgs(args: string[], io: CliIo): SweepArgs | number {
  const usage = (message: string) => usageError(io, "sweep", message);
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        repo: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        now: { type: "string" },
        "max-wait": { type: "string", default: "60" },
        "api-url": { type: "string" },
        token: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) return (io.out(HELP), EXIT_OK);
  if (values.repo === undefined) return usage("--repo OWNER/NAME is required");
  const [owner, repo, extra] = values.repo.split("/");
  if (!owner || !repo || extra !== undefined) return usage(`--repo: expected OWNER/NAME, got "${values.repo}"`);
  const now = values.now ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) return usage(`--now: not an ISO time: "${values.now}"`);
  const maxWaitSeconds = Number(values["max-wait"]);
  if (!(maxWaitSeconds >= 0)) return usage(`--max-wait: not a number of seconds: "${values["max-wait"]}"`);
  return { repo: { owner, repo }, dryRun: values["dry-run"], now, apiUrl: values["api-url"], token: values.token, json: values.json, maxWaitSeconds };
}

async function connect(
  credentials: Exclude<SweepCredentials, { kind: "none" }>,
  repo: { owner: string; repo: string },
  baseUrl: string,
  waitLimit: WaitLimit,
): Promise<{ octokit: ProbotOctokit; self: Self; scope: string }> {
  const Octokit = appOctokitClass({ waitLimit });
  if (credentials.kind === "token") {
    const probot = new Probot({ githubToken: credentials.token, baseUrl, logLevel: "warn", Octokit });
    const octokit = await probot.auth();
    return { octokit, self: await findTokenSelf(octokit), scope: "token" };
  }
  const probot = new Probot({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    baseUrl,
    logLevel: "warn",
    Octokit,
  });
  const appOctokit = await probot.auth();
  const { data: installation } = await appOctokit.rest.apps.getRepoInstallation(repo);
  const octokit = await probot.auth(installation.id);
  return { octokit, self: await findAppSelf(appOctokit), scope: String(installation.id) };
}

function printSummary(io: CliIo, summary: SweepSummary, json: boolean): void {
  if (json) return io.out(JSON.stringify({ ...summarizeSweep(summary), actions: summary.actions }, null, 2));
  io.out(describeSweep(summary).join("\n"));
}

/** A sweep can take minutes on a large repository: a ticking line on a terminal says it is alive. */
function showProgress(io: CliIo, repo: { owner: string; repo: string }): () => void {
  if (!io.progress) return () => {};
  const started = Date.now();
  const draw = () => io.progress!(`Sweeping ${repo.owner}/${repo.repo}… ${Math.round((Date.now() - started) / 1000)} s`);
  draw();
  const timer = setInterval(draw, 1000);
  timer.unref();
  return () => {
    clearInterval(timer);
    io.progress!(null);
  };
}
