import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { createOctokit, DEFAULT_API_URL } from "../github/client.js";
import { createRequestQueue } from "../github/request-queue.js";
import { resolveLinks, type ResolveResult } from "../github/resolve-links.js";
import { linkKey } from "../wrapup/link-key.js";
import { parseWrapUp } from "../wrapup/parse-wrapup.js";
import type { Link } from "../wrapup/types.js";
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, usageError, type CliIo } from "./io.js";

const HELP = `Usage: wrapup-tracker resolve FILE... [--json] [--token T] [--api-url URL] [--pacing-ms N]

Asks GitHub for the live state of every pull request, issue, discussion, branch and commit the
wrap-up files link to, in as few GraphQL requests as GitHub allows (about one per 100 links).

Options:
  --json          print { "links": [{ key, url, kind, status, ...state }], "stats": { graphqlRequests,
                  points, restRequests, cacheHits, ms } }
  --token T       GitHub token (default: $GITHUB_TOKEN)
  --api-url URL   REST API base URL (default: $GITHUB_API_URL, else ${DEFAULT_API_URL});
                  GraphQL is derived from it: http://host/api/v3 → http://host/api/graphql
  --pacing-ms N   wait at least N ms between GraphQL request starts (Probot uses 1000; default 0)
  -h, --help      show this help

Exit codes: 0 every link resolved (missing and forbidden included); 1 some links could not be
resolved (status "error"); 2 bad usage, no token, or a file could not be read.`;

const OPTIONS = {
  json: { type: "boolean", default: false },
  token: { type: "string" },
  "api-url": { type: "string" },
  "pacing-ms": { type: "string" },
  help: { type: "boolean", short: "h", default: false },
} as const;

interface ReadResult {
  links: Link[];
  unreadable: string[];
}

async function readLinks(files: string[], io: CliIo): Promise<ReadResult> {
  const links: Link[] = [];
  const unreadable: string[] = [];
  for (const file of files) {
    try {
      const text = await readFile(resolve(io.cwd, file), "utf8");
      for (const topic of parseWrapUp(text, { path: file }).topics) links.push(...topic.links);
    } catch (error) {
      unreadable.push(`${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
  }
  return { links, unreadable };
}

/** One entry per distinct work item, in the order the files first mention them. */
export function formatResult(links: readonly Link[], result: ResolveResult) {
  const seen = new Set<string>();
  const entries = [];
  for (const link of links) {
    const key = linkKey(link);
    const state = key ? result.states.get(key) : undefined;
    if (!key || !state || seen.has(key)) continue;
    seen.add(key);
    entries.push({ key, url: link.url, kind: link.kind, ...state });
  }
  return { links: entries, stats: result.stats };
}

function summarize(output: ReturnType<typeof formatResult>): string {
  const lines = output.links.map((l) => `${l.status.padEnd(9)} ${l.key}${"state" in l ? ` (${l.state})` : ""}`);
  const s = output.stats;
  lines.push(`${output.links.length} link(s), ${s.graphqlRequests} GraphQL request(s), ${s.points} point(s), ${s.ms} ms`);
  return lines.join("\n");
}

/** `wrapup-tracker resolve FILE... [--json]`: arguments and printing; the work is resolveLinks. */
export async function runResolveCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (error) {
    return usageError(io, "resolve", error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  const token = values.token ?? io.env.GITHUB_TOKEN;
  const pacingMs = Number(values["pacing-ms"] ?? 0);
  const problem = positionals.length === 0 ? "no file given" : !token ? "no token: pass --token or set GITHUB_TOKEN" : !(pacingMs >= 0) ? "--pacing-ms must be a number of milliseconds" : null;
  if (problem || !token) return usageError(io, "resolve", problem ?? "no token");
  const { links, unreadable } = await readLinks(positionals, io);
  for (const line of unreadable) io.err(`wrapup-tracker resolve: cannot read ${line}`);
  const apiUrl = values["api-url"] ?? io.env.GITHUB_API_URL ?? DEFAULT_API_URL;
  const octokit = createOctokit({ token, apiUrl });
  const queue = createRequestQueue({ pacingMs });
  const result = await resolveLinks(links, { graphql: octokit.graphql, scope: "cli", cache: null, queue });
  const output = formatResult(links, result);
  io.out(values.json ? JSON.stringify(output, null, 2) : summarize(output));
  if (unreadable.length > 0) return EXIT_USAGE;
  return output.links.some((l) => l.status === "error") ? EXIT_FAILURE : EXIT_OK;
}
