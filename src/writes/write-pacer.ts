/**
 * Paces REST writes as GitHub asks of integrations: at least `spacingMs` (1 s) between two writes of
 * one installation, and content creation (issues, comments) below 80 a minute and 500 an hour.
 * Installations are paced apart: one waiting never holds up another. The clock and the sleep are
 * injected, so the rule itself is tested without waiting for it.
 */
export type WriteKind = "content" | "edit";

export interface WritePacerOptions {
  /** Least time between two write starts of one scope (default 1000; `WRAPUP_WRITE_SPACING_MS`). */
  spacingMs?: number;
  /** Content creations stay below this many in any 60 s (default 80). */
  contentPerMinute?: number;
  /** Content creations stay below this many in any hour (default 500). */
  contentPerHour?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface WritePacer {
  /** Epoch ms when a write of this kind could start in the scope (now, or earlier, when it can start at once). */
  nextSlot(scope: string, kind: WriteKind): number;
  /** Waits for the scope's next slot of this kind and takes it. Writes of one scope start in call order. */
  take(scope: string, kind: WriteKind): Promise<void>;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

interface ScopeLog {
  lastStart: number;
  /** Start times of content creations within the last hour, oldest first. */
  content: number[];
  /** The previous `take` of this scope: takes run one after another. */
  tail: Promise<void>;
}

export function createWritePacer(options: WritePacerOptions = {}): WritePacer {
  const spacingMs = options.spacingMs ?? 1_000;
  const perMinute = options.contentPerMinute ?? 80;
  const perHour = options.contentPerHour ?? 500;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const scopes = new Map<string, ScopeLog>();
  const logOf = (scope: string) => {
    let log = scopes.get(scope);
    if (!log) scopes.set(scope, (log = { lastStart: -Infinity, content: [], tail: Promise.resolve() }));
    return log;
  };

  const nextSlot = (scope: string, kind: WriteKind): number => {
    const log = logOf(scope);
    const at = now();
    log.content = log.content.filter((t) => t > at - HOUR_MS);
    let slot = log.lastStart + spacingMs;
    if (kind === "content") {
      const lastMinute = log.content.filter((t) => t > at - MINUTE_MS);
      // The oldest creation in the window must leave it before the next one may start.
      if (lastMinute.length >= perMinute - 1) slot = Math.max(slot, lastMinute[lastMinute.length - (perMinute - 1)]! + MINUTE_MS);
      if (log.content.length >= perHour - 1) slot = Math.max(slot, log.content[log.content.length - (perHour - 1)]! + HOUR_MS);
    }
    return slot;
  };

  const take = (scope: string, kind: WriteKind): Promise<void> => {
    const log = logOf(scope);
    const turn = log.tail.then(async () => {
      for (let slot = nextSlot(scope, kind); slot > now(); slot = nextSlot(scope, kind)) await sleep(slot - now());
      log.lastStart = now();
      if (kind === "content") log.content.push(log.lastStart);
    });
    log.tail = turn.catch(() => undefined);
    return turn;
  };

  return { nextSlot, take };
}

/** Pacing from the environment: `WRAPUP_WRITE_SPACING_MS` (tests and demos set 0; GitHub asks for 1000). */
export function writePacerOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): WritePacerOptions {
  const spacing = Number(env.WRAPUP_WRITE_SPACING_MS);
  return env.WRAPUP_WRITE_SPACING_MS && Number.isFinite(spacing) && spacing >= 0 ? { spacingMs: spacing } : {};
}
