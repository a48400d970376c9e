import { isConfigFileName } from "../config/load-repo-config.js";

/** What action.yml's inputs ask for, read from the variables the runner sets. */
export interface ActionInputs {
  token: string;
  dryRun: boolean;
  /** The configuration's file name in `.github/`; empty for the default. */
  configFile: string;
}

/**
 * The runner hands each input `x-y` over as `INPUT_X-Y` (upper case, hyphen kept) and fills in
 * action.yml's defaults. GITHUB_TOKEN in the step's env still works, as the workflow of old set it.
 */
export function readActionInputs(env: Record<string, string | undefined>): ActionInputs | { problem: string } {
  const input = (name: string) => env[`INPUT_${name.toUpperCase()}`]?.trim() ?? "";
  const token = input("token") || input("github_token") || env.GITHUB_TOKEN?.trim() || "";
  if (!token) return { problem: "no token: give the `token` input (default: the workflow's GITHUB_TOKEN)" };
  const dryRunText = input("dry-run").toLowerCase();
  if (!["", "true", "false"].includes(dryRunText)) return { problem: `dry-run: "true" or "false", not "${dryRunText.slice(0, 40)}"` };
  const configFile = input("config").replace(/^\.github\//, "");
  if (configFile && !isConfigFileName(configFile)) {
    return { problem: `config: a .yml file name in .github/ (e.g. wrapup-tracker.yml), not "${configFile.slice(0, 100)}"` };
  }
  return { token, dryRun: dryRunText === "true", configFile };
}
