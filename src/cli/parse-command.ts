import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { isWorkItem } from "../wrapup/link-key.js";
import { parseWrapUp } from "../wrapup/parse-wrapup.js";
import type { WrapUp } from "../wrapup/types.js";
import { EXIT_OK, EXIT_USAGE, usageError, type CliIo } from "./io.js";

const HELP = `Usage: wrapup-tracker parse FILE... [--json]

Reads each wrap-up file and lists its topics, whether each has next steps, and the GitHub
work items (pull requests, issues, discussions, branches, commits) it links to.

Each file is also classified as the app does: a wrap-up, a retelling of one (a blog post about an
event: never tracked on its own), or not a wrap-up (release notes, docs, meeting notes…), with why.

Options:
  --json     print one JSON array with one element per file:
             { path, title, date, kind, why, warnings[], topics[{ title, heading, line, anchor, fields,
               nextSteps, declaredStatus?, sameAs?[{ url, anchor }],
               links[{ url, kind, owner, repo, number, branch, sha, base, field, line }] }] }
             declaredStatus (done, in-progress, paused, not-started) is set on a topic board's items;
             sameAs on a retelling's sections: the wrap-up headings they retell
  -h, --help show this help

Exit codes: 0 all files read; 2 bad usage or a file could not be read (the others are still parsed).`;

/** `wrapup-tracker parse FILE... [--json]`: reading files and printing; the parsing is parseWrapUp. */
export async function runParseCommand(args: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: { json: { type: "boolean", default: false }, help: { type: "boolean", short: "h", default: false } },
    });
  } catch (error) {
    return usageError(io, "parse", error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    io.out(HELP);
    return EXIT_OK;
  }
  if (parsed.positionals.length === 0) {
    return usageError(io, "parse", "no file given");
  }
  const results: WrapUp[] = [];
  let failed = false;
  for (const file of parsed.positionals) {
    const text = await readText(resolve(io.cwd, file));
    if (typeof text !== "string") {
      io.err(`wrapup-tracker parse: cannot read ${file}: ${text.reason}`);
      failed = true;
      continue;
    }
    results.push(parseWrapUp(text, { path: file }));
  }
  io.out(parsed.values.json ? JSON.stringify(results, null, 2) : results.map(summarize).join("\n\n"));
  return failed ? EXIT_USAGE : EXIT_OK;
}

async function readText(path: string): Promise<string | { reason: string }> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reasons: Record<string, string> = {
      ENOENT: "no such file",
      EISDIR: "it is a directory",
      EACCES: "permission denied",
    };
    return { reason: (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error)) };
  }
}

/** The readable summary of one file. */
export function summarize(wrapUp: WrapUp): string {
  const lines = [`${wrapUp.path}: ${wrapUp.title ?? "(no title)"}${wrapUp.date ? ` (${wrapUp.date})` : ""}`, `  ${wrapUp.why}`];
  lines.push(`  ${wrapUp.topics.length} topic(s), ${wrapUp.topics.filter((t) => t.nextSteps !== null).length} with next steps`);
  for (const topic of wrapUp.topics) {
    const counts = new Map<string, number>();
    for (const link of topic.links.filter(isWorkItem)) counts.set(link.kind, (counts.get(link.kind) ?? 0) + 1);
    const work = [...counts].map(([kind, count]) => `${count} ${kind}`).join(", ") || "no work links";
    const declared = topic.declaredStatus ? ` [${topic.declaredStatus}]` : "";
    lines.push(`  - line ${topic.line}: ${topic.title}${declared}`);
    for (const sameAs of topic.sameAs ?? []) lines.push(`      retells ${sameAs.url}#${sameAs.anchor}`);
    lines.push(`      next steps: ${topic.nextSteps === null ? "no" : "yes"}; ${work}`);
  }
  if (wrapUp.warnings.length > 0) {
    lines.push(`  ${wrapUp.warnings.length} warning(s):`);
    for (const warning of wrapUp.warnings) lines.push(`    ${warning}`);
  }
  return lines.join("\n");
}
