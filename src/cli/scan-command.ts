import { readdir, readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import type { FetchFileTextsResult } from "../github/fetch-file-texts.js";
import { readWrapUps } from "../pipeline/read-wrapups.js";
import { selectCandidatePaths } from "../pipeline/select-paths.js";
import { explainScanFile, readScanReading } from "./scan-explain.js";
import { findRetoldTopic } from "../classifying/find-retold-topic.js";
import { isWorkItem } from "../wrapup/link-key.js";
import type { WrapUp } from "../wrapup/types.js";
import { EXIT_OK, usageError, type CliIo } from "./io.js";

const HELP = `Usage: wrapup-tracker scan DIR [--json] [--all]
       wrapup-tracker scan --explain FILE [DIR]

Walks a checkout (skipping .git and node_modules) and tells which markdown files the app would
track with the default configuration: it applies exactly the app's decision, so run it before you
install the app ("what would it track in my repository?").

For each wrap-up: its path, title, event date, topics (with next steps / with work links) and the
reason it counts as one. Retellings (blog posts about an event) are listed too: they are never
tracked on their own; their sections point to the wrap-up topics they retell.

Options:
  --all      also list every other markdown file with the reason it is not a wrap-up
  --explain FILE
             tell why FILE is or is not a wrap-up: the evidence for and against, per rule, and which
             key of .github/wrapup-tracker.yml would change it (DIR, default ., holds the config)
  --json     print { "wrapUps": [{ path, title, date, topics, withNextSteps, withWorkLinks, why, kind,
             retells? }], "others": [{ path, why }], "unreadable": [{ path, why }] } with paths relative to DIR
  -h, --help show this help

Exit codes: 0 scanned; 2 bad usage or DIR cannot be read.`;

const SKIPPED_DIRS = new Set([".git", "node_modules"]);

export interface ScannedWrapUp {
  path: string;
  title: string | null;
  date: string | null;
  topics: number;
  withNextSteps: number;
  withWorkLinks: number;
  why: string;
  kind: "wrap-up" | "retelling";
  /** Retellings: the wrap-up topics (`path#anchor`) their sections point to, where found in DIR. */
  retells?: string[];
}

export interface ScanResult {
  wrapUps: ScannedWrapUp[];
  others: { path: string; why: string }[];
  /** Files too large or too complex to read (over 1 MB, past the parse deadline or memory limit): always listed. */
  unreadable: { path: string; why: string }[];
  /** Markdown files looked at; how many were parsed (the rest were ruled out by the cheap text test). */
  files: number;
  parsed: number;
}

/** `wrapup-tracker scan DIR`: the walk and the printing; the decision is the app's (`readWrapUps`). */
export async function runScanCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: "boolean", default: false },
        all: { type: "boolean", default: false },
        explain: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  if (parsed.values.help) return (io.out(HELP), EXIT_OK);
  if (parsed.values.explain !== undefined) return explain(parsed.values.explain, parsed.positionals, io);
  if (parsed.positionals.length !== 1) return usage(io, "give exactly one directory");
  const dir = resolve(io.cwd, parsed.positionals[0]!);
  let result: ScanResult;
  try {
    result = await scanDirectory(dir, io.progress);
  } catch (error) {
    io.progress?.(null);
    return usageError(io, "scan", `cannot read ${parsed.positionals[0]}: ${readProblem(error)}`);
  }
  if (parsed.values.json) {
    const { wrapUps, others, unreadable } = result;
    io.out(JSON.stringify(parsed.values.all ? { wrapUps, others, unreadable } : { wrapUps, others: [], unreadable }, null, 2));
  } else {
    io.out(printScan(result, parsed.values.all));
  }
  return EXIT_OK;
}

/**
 * Every markdown file under `dir`, read and classified as the app does with the default config.
 * `progress` (a terminal's status line) hears how many files were read so far.
 */
export async function scanDirectory(dir: string, progress?: (text: string | null) => void): Promise<ScanResult> {
  const all = await listFiles(dir);
  const candidates = selectCandidatePaths(all, { paths: [] });
  let done = 0;
  const onRead = (count: number) => {
    done += count;
    progress?.(`Reading markdown files… ${done} of ${candidates.length}`);
  };
  const { reading } = await readScanReading(dir);
  const read = await readWrapUps(candidates.map((path) => ({ path })), (paths) => readTexts(dir, paths, onRead), { everyFile: false, reading });
  progress?.(null);
  const found = read.wrapUps.filter((w) => w.kind !== "not-a-wrap-up");
  return {
    wrapUps: found.map((w) => describe(w, read.wrapUps)),
    others: read.wrapUps.filter((w) => w.kind === "not-a-wrap-up").map((w) => ({ path: w.path, why: w.why })),
    unreadable: read.stats.unreadable.map(({ path, reason }) => ({ path, why: reason })),
    files: candidates.length,
    parsed: read.stats.parsed,
  };
}

function describe(wrapUp: WrapUp, all: WrapUp[]): ScannedWrapUp {
  const scanned: ScannedWrapUp = {
    path: wrapUp.path,
    title: wrapUp.title,
    date: wrapUp.date ?? null,
    topics: wrapUp.topics.length,
    withNextSteps: wrapUp.topics.filter((t) => t.nextSteps !== null).length,
    withWorkLinks: wrapUp.topics.filter((t) => t.links.some(isWorkItem)).length,
    why: wrapUp.why,
    kind: wrapUp.kind === "retelling" ? "retelling" : "wrap-up",
  };
  if (wrapUp.kind === "retelling") {
    const retold = wrapUp.topics.flatMap((t) => t.sameAs ?? []).flatMap((s) => findRetoldTopic(s, all) ?? []);
    scanned.retells = [...new Set(retold.map((r) => `${r.path}#${r.anchor}`))];
  }
  return scanned;
}

function printScan(result: ScanResult, all: boolean): string {
  const lines: string[] = [];
  for (const w of result.wrapUps) {
    lines.push(`${w.path}: ${w.title ?? "(no title)"}${w.date ? ` (${w.date})` : ""}`);
    lines.push(`  ${w.why}`);
    if (w.kind === "wrap-up") lines.push(`  ${w.topics} topic(s): ${w.withNextSteps} with next steps, ${w.withWorkLinks} with work links`);
    if (w.retells?.length) lines.push(`  retells: ${w.retells.join(", ")}`);
  }
  if (result.unreadable.length > 0) {
    lines.push("", "Not read (they may be wrap-ups; make them smaller to have them read):");
    for (const u of result.unreadable) lines.push(`${u.path}`, `  ${u.why}`);
  }
  if (all && result.others.length > 0) {
    lines.push("", "Not wrap-ups:");
    for (const o of result.others) lines.push(`${o.path}`, `  ${o.why}`);
  }
  const tracked = result.wrapUps.filter((w) => w.kind === "wrap-up").length;
  const retellings = result.wrapUps.length - tracked;
  lines.push(
    "",
    `${tracked} wrap-up(s) and ${retellings} retelling(s) among ${result.files} markdown file(s); ` +
      `${result.files - result.parsed} ruled out without parsing.${all ? "" : " --all lists the others with their reasons."}`,
  );
  return lines.join("\n");
}

async function listFiles(dir: string, root = dir): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map(async (entry) => {
      if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : listFiles(join(dir, entry.name), root);
      return entry.isFile() ? [relative(root, join(dir, entry.name)).split(sep).join("/")] : [];
    }),
  );
  return nested.flat().sort();
}

async function readTexts(dir: string, paths: string[], onRead: (count: number) => void): Promise<FetchFileTextsResult> {
  const result: FetchFileTextsResult = { files: [], skipped: [], graphqlRequests: 0 };
  for (const [i, path] of paths.entries()) {
    if (i % 25 === 24) onRead(25);
    try {
      result.files.push({ path, text: await readFile(join(dir, path), "utf8") });
    } catch (error) {
      result.skipped.push({ path, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
    }
  }
  onRead(paths.length % 25);
  return result;
}

/** A folder (or file) that cannot be read, said as a person would. */
function readProblem(error: unknown, what: "folder" | "file" = "folder"): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = { ENOENT: `no such ${what}`, ENOTDIR: "not a folder", EISDIR: "a folder, not a file", EACCES: "permission denied" };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

async function explain(file: string, positionals: string[], io: CliIo): Promise<number> {
  if (positionals.length > 1) return usage(io, "--explain takes one FILE and at most one DIR");
  try {
    io.out(await explainScanFile(resolve(io.cwd, file), resolve(io.cwd, positionals[0] ?? ".")));
    return EXIT_OK;
  } catch (error) {
    return usage(io, `cannot read ${file}: ${readProblem(error, "file")}`);
  }
}

function usage(io: CliIo, message: string): number {
  return usageError(io, "scan", message);
}
