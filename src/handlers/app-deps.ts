import type { Probot } from "probot";
import type { Coordination } from "../coordination/coordination.js";
import { createCoordination, type CoordinationHooks } from "../coordination/create-coordination.js";
import { createMemoryCoordination } from "../coordination/memory-coordination.js";
import { findAppSelf, findTokenSelf } from "../github/find-self.js";
import { createPermissionCache, type PermissionCache } from "../github/permissions.js";
import type { StateCache } from "../github/state-cache.js";
import type { Self } from "../writes/own-comment.js";

/** What the handlers share for the life of the process; tests build their own. */
export interface AppDeps {
  /** The clock. `WRAPUP_NOW` (ISO time) fixes it for demos and end-to-end tests. */
  now: () => Date;
  /** Our own login (`<slug>[bot]`), asked once. */
  self: () => Promise<Self>;
  /** Last `/refresh` per thread (`owner/repo#n`), for the cooldown (in-memory coordination only). */
  lastRefresh: Map<string, number>;
  /** Last sweep per repository (`owner/repo`), so each follows its own `sweep.everyHours` (in-memory coordination only). */
  lastSweep: Map<string, number>;
  /** The resolver's link-state cache: process-wide when absent, none when null (tests). */
  stateCache?: StateCache | null;
  /** Cooldowns and the sweep schedule shared by replicas; absent: this process's, kept in the maps above. */
  coordination?: Coordination;
  /** Commenters' permissions asked in the last minute; absent: asked every time (tests). */
  permissions?: PermissionCache;
}

/** `REDIS_URL` in `env` makes the coordination (and the state cache) shared through Redis. */
export function createAppDeps(app: Probot, env: NodeJS.ProcessEnv = process.env, hooks: CoordinationHooks = {}): AppDeps & { coordination: Coordination } {
  const memory = { lastRefresh: new Map<string, number>(), lastSweep: new Map<string, number>() };
  const coordination = createCoordination(env, memory, { log: app.log, ...hooks });
  return {
    now: clockFromEnv(env),
    self: selfFinder(app, env),
    ...memory,
    coordination,
    permissions: createPermissionCache(),
    ...(coordination.stateCache ? { stateCache: coordination.stateCache } : {}),
  };
}

/** The coordination handlers use: the deps' own, else one kept in the deps' maps (tests build deps by hand). */
export function coordinationOf(deps: AppDeps): Coordination {
  return deps.coordination ?? createMemoryCoordination(deps);
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
