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
  /** `warnings`: problems that leave the rest usable (an `_extends` target that could not be read). */
  | { ok: true; config: Config; warnings?: string[] }
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
  let files: ConfigFile[] = [];
  const loaded = await validateRaw(async () => {
    const got = await octokit.config.get({ ...repo, path: configPath() });
    files = got.files;
    return got.files.some((file) => file.config !== null) ? (got.config as Record<string, unknown>) : null;
  });
  const warnings = missingExtends(files);
  return loaded.ok === true && warnings.length > 0 ? { ...loaded, warnings } : loaded;
}

interface ConfigFile {
  owner: string;
  repo: string;
  path: string;
  config: unknown;
}

/**
 * The config plugin reads the repository's file (else the organisation's `.github` one), then each
 * `_extends` target in turn, and takes a target it cannot read (404: no such repository or file, or
 * the app is not installed there) as empty. Every file after the first one found was named by an
 * `_extends`, so an empty one there is a target that was silently skipped: say so.
 */
function missingExtends(files: ConfigFile[]): string[] {
  const first = files.findIndex((file) => file.config !== null);
  if (first < 0) return [];
  return files
    .slice(first + 1)
    .filter((file) => file.config === null)
    .map((file) => `_extends: ${file.owner}/${file.repo}:${file.path} could not be read (no such repository or file, or wrapup-tracker is not installed there); its settings are not applied`);
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
