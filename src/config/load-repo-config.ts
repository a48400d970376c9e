import type { Context, ProbotOctokit } from "probot";
import { ConfigSchema, type Config } from "./schema.js";
import { validateConfig } from "./validate-config.js";

export const CONFIG_FILE = "wrapup-tracker.yml";
export const CONFIG_PATH = `.github/${CONFIG_FILE}`;

/** A file name in `.github/` (no folders, no leading dot), as Probot's config plugin looks it up. */
export function isConfigFileName(name: string): boolean {
  return name.length <= 100 && /^[\w-][\w.-]*\.ya?ml$/.test(name);
}

/**
 * The configuration's file name in `.github/`: WRAPUP_CONFIG_FILE (the Action's `config` input),
 * else `wrapup-tracker.yml` — so one repository can run two differently configured workflows.
 */
export function configFileName(env: Record<string, string | undefined> = process.env): string {
  const name = env.WRAPUP_CONFIG_FILE?.trim();
  return name && isConfigFileName(name) ? name : CONFIG_FILE;
}

export function configPath(env: Record<string, string | undefined> = process.env): string {
  return `.github/${configFileName(env)}`;
}

export type LoadedConfig =
  | { ok: true; config: Config }
  /** The file is there but wrong (bad YAML, bad values): tell the people who wrote it. */
  | { ok: false; problems: string[] }
  /** GitHub could not be asked (5xx, no access): nothing to tell users, try again later. */
  | { ok: "unavailable"; error: string };

/**
 * `.github/wrapup-tracker.yml` of the event's repository through `context.config`, so that
 * `_extends` and the organisation's `.github` repository work; merged over the schema's defaults
 * by `validateConfig`. Never throws.
 */
export async function loadContextConfig(context: Pick<Context, "config">): Promise<LoadedConfig> {
  return validateRaw(() => context.config<Record<string, unknown>>(configFileName()));
}

/** The same without a webhook context (sweep timer, CLI): Probot's config plugin directly. */
export async function loadRepoConfig(
  octokit: ProbotOctokit,
  repo: { owner: string; repo: string },
): Promise<LoadedConfig> {
  return validateRaw(async () => {
    const { config, files } = await octokit.config.get({ ...repo, path: configPath() });
    return files.some((file) => file.config !== null) ? (config as Record<string, unknown>) : null;
  });
}

async function validateRaw(read: () => Promise<Record<string, unknown> | null>): Promise<LoadedConfig> {
  let raw: Record<string, unknown> | null;
  try {
    raw = await read();
  } catch (error) {
    const message = (error as Error).message ?? String(error);
    // The config plugin's own errors are about the file (invalid YAML, a directory, _extends loops).
    if (message.includes("[@probot/octokit-plugin-config]")) {
      return { ok: false, problems: [`${configPath()}: ${message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, "")}`] };
    }
    return { ok: "unavailable", error: message };
  }
  const result = validateConfig(raw ?? {});
  if (!result.ok) return { ok: false, problems: result.problems };
  // WRAPUP_DRY_RUN=1 (the Action's `dry-run` input) wins over the file, as `dryRun: true` in it would.
  return { ok: true, config: process.env.WRAPUP_DRY_RUN === "1" ? { ...result.config, dryRun: true } : result.config };
}

/** The configuration every repository gets when it has no file of its own. */
export function defaultConfig(): Config {
  return ConfigSchema.parse({});
}
