import { readFile } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import { parse as parseYaml } from "yaml";
import { CONFIG_PATH } from "../config/load-repo-config.js";
import { validateConfig } from "../config/validate-config.js";
import { readingOptionsOf } from "../pipeline/reading-options.js";
import { explainWrapUp, type ParseExplanation } from "../wrapup/parse-wrapup.js";
import type { ReadingOptions, WrapUp } from "../wrapup/types.js";

/**
 * The readers' options from DIR's `.github/wrapup-tracker.yml` (`wrapups.eventWords`, `wrapups.fields`);
 * none when the file is absent or invalid (the problems are returned, for the explanation to show).
 */
export async function readScanReading(dir: string): Promise<{ reading: ReadingOptions; problems: string[] }> {
  let raw: string;
  try {
    raw = await readFile(join(dir, CONFIG_PATH), "utf8");
  } catch {
    return { reading: {}, problems: [] };
  }
  let parsed: unknown;
  try {
    parsed = parseYaml(raw);
  } catch (error) {
    return { reading: {}, problems: [`${CONFIG_PATH} is not valid YAML: ${(error as Error).message.split("\n")[0]}`] };
  }
  const checked = validateConfig(parsed);
  return checked.ok ? { reading: readingOptionsOf(checked.config), problems: [] } : { reading: {}, problems: checked.problems.map((p) => `${CONFIG_PATH}: ${p}`) };
}

/** `scan --explain FILE`: the decision on one file, with the evidence for and against, per rule. */
export async function explainScanFile(file: string, dir: string): Promise<string> {
  const absolute = resolve(file);
  const path = relative(resolve(dir), absolute).split(sep).join("/");
  const text = await readFile(absolute, "utf8");
  const { reading, problems } = await readScanReading(dir);
  const { wrapUp, explanation } = explainWrapUp(text, { path, reading }, true);
  return renderExplanation(wrapUp, explanation, problems);
}

/** The explanation as lines a maintainer reads top to bottom: decision, each reader, each rule. Pure. */
export function renderExplanation(wrapUp: WrapUp, explanation: ParseExplanation | null, problems: string[] = []): string {
  const lines = [`${wrapUp.path}: ${wrapUp.kind}`, `  ${wrapUp.why}`];
  for (const problem of problems) lines.push(`  ! ${problem}`);
  if (!explanation) return lines.join("\n");
  const { gardener, general, reader } = explanation;
  lines.push(
    "",
    `Gardener reader (fields such as Problem Statement / Next Steps): ${gardener.topics} topic(s)`,
    `  ${gardener.why}`,
    `General reader (event reports: sprints, summits, hack weeks…): ${general.topics} topic(s) from ${general.shape === "none" ? "nothing" : general.shape}`,
  );
  for (const e of general.weighing.evidence) {
    lines.push(`  ${e.says === "for" ? "+" : "-"} ${e.rule}: ${e.text}${e.change ? `  [change: ${e.change}]` : ""}`);
  }
  lines.push(`  verdict of the event-report rules: ${general.weighing.verdict}`, "", `Topics (${reader} reader):`);
  for (const topic of wrapUp.topics) {
    const work = topic.links.filter((l) => l.kind !== "external" && l.kind !== "repo" && l.kind !== "file" && l.kind !== "user").length;
    const people = topic.people?.length ? `; people: ${topic.people.slice(0, 5).join(", ")}` : "";
    lines.push(`  line ${topic.line}: ${topic.title} — ${work} work link(s), next steps: ${topic.nextSteps === null ? "no" : "yes"}${people}`);
  }
  if (wrapUp.topics.length === 0) lines.push("  (none)");
  if (wrapUp.kind !== "wrap-up") {
    lines.push("", "To have it read all the same, name it in `paths` of .github/wrapup-tracker.yml (the finding then says why it would not be taken).");
  }
  return lines.join("\n");
}
