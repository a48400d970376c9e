import type { Probot } from "probot";
import { findAppSelf, findTokenSelf } from "../github/find-self.js";
import type { StateCache } from "../github/state-cache.js";
import type { Self } from "../writes/own-comment.js";

/** What the handlers share for the life of the process; tests build their own. */
export interface AppDeps {
  /** The clock. `WRAPUP_NOW` (ISO time) fixes it for demos and end-to-end tests. */
  now: () => Date;
  /** Our own login (`<slug>[bot]`), asked once. */
  self: () => Promise<Self>;
  /** Last `/refresh` per thread (`owner/repo#n`), for the cooldown. */
  lastRefresh: Map<string, number>;
  /** Last sweep per repository (`owner/repo`), so each follows its own `sweep.everyHours`. */
  lastSweep: Map<string, number>;
  /** The resolver's link-state cache: process-wide when absent, none when null (tests). */
  stateCache?: StateCache | null;
}

export function createAppDeps(app: Probot, env: NodeJS.ProcessEnv = process.env): AppDeps {
  return {
    now: clockFromEnv(env),
    self: selfFinder(app, env),
    lastRefresh: new Map(),
    lastSweep: new Map(),
  };
}

/** `WRAPUP_NOW=2026-11-21T12:00:00Z` freezes the clock (demos, end-to-end tests); else the real time. */
export function clockFromEnv(env: NodeJS.ProcessEnv): () => Date {
  const fixed = env.WRAPUP_NOW ? Date.parse(env.WRAPUP_NOW) : Number.NaN;
  return Number.isNaN(fixed) ? () => new Date() : () => new Date(fixed);
}

/**
 * Who we write as, asked once: the app (`<slug>[bot]`, from `GET /app`); in a GitHub Actions
 * workflow (a token, not app credentials) the workflow's bot; else the token's user; else unknown
 * (then our comments are recognised by their marker alone).
 */
function selfFinder(app: Probot, env: NodeJS.ProcessEnv): () => Promise<Self> {
  let found: Promise<Self> | undefined;
  const find = async (): Promise<Self> => {
    const octokit = await app.auth();
    try {
      return await findAppSelf(octokit);
    } catch {
      if (env.GITHUB_ACTIONS === "true") return { login: "github-actions[bot]" };
      return findTokenSelf(octokit);
    }
  };
  return async () => {
    found ??= find();
    const self = await found;
    // Unknown may be a passing failure: ask again next time rather than remember it.
    if (self.login === null) found = undefined;
    return self;
  };
}
