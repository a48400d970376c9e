import { escapeInline, renderCode } from "./escape-markdown.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import { CONFIG_PROBLEMS_MARKER } from "./marker.js";
import { formatCheckTime } from "./render-parts.js";
import type { RenderedIssue } from "./render-follow-up.js";

export const CONFIG_PROBLEMS_TITLE = "wrapup-tracker: invalid configuration";

export interface ConfigProblemsInput {
  problems: string[];
  /** Default `.github/wrapup-tracker.yml`. */
  path?: string;
  now: Date;
  limit?: number;
}

/** The one issue that reports an invalid config during a sweep (updated, never duplicated). */
export function renderConfigProblemsIssue(input: ConfigProblemsInput): RenderedIssue {
  const path = input.path ?? ".github/wrapup-tracker.yml";
  const head = [
    CONFIG_PROBLEMS_MARKER,
    `wrapup-tracker could not use ${renderCode(path, 200)}, so it opens, updates and closes nothing until this is fixed:`,
  ].join("\n\n");
  const main = input.problems.map((p) => `- ${escapeInline(p, 300)}`).join("\n");
  const tail = `<sub>Checked ${formatCheckTime(input.now)}. The configuration keys and their defaults are documented in the app's \`config/default.yml\`. This issue is updated on each sweep; close it once the file is fixed.</sub>`;
  return { title: CONFIG_PROBLEMS_TITLE, body: fitBody({ head, main, tail }, input.limit ?? GITHUB_BODY_LIMIT) };
}
