/**
 * Whether GitHub answers this process at all: every request's end is noted by the deadline fetch
 * (request-timeout.ts) — an answer (any status) or silence (no answer in time, nobody listening).
 * Readiness (`GET /ready`) reports GitHub silent once nothing but silence came back for minutes.
 */

/** Silence this long, with no answer in between, makes the process "not ready" (default 2 minutes). */
export const DEFAULT_SILENT_AFTER_MS = 120_000;

let lastAnswerAt: number | null = null;
/** The first silence since the last answer; null while GitHub answers. */
let silentSince: number | null = null;
let lastSilence = "";

export function noteGithubAnswer(at: number = Date.now()): void {
  lastAnswerAt = at;
  silentSince = null;
}

export function noteGithubSilence(what: string, at: number = Date.now()): void {
  silentSince ??= at;
  lastSilence = what;
}

export interface GithubSilence {
  /** Epoch ms of the first unanswered request since GitHub last answered. */
  since: number;
  /** The last request that got no answer, e.g. `GitHub did not answer within 30 s: POST …/graphql`. */
  last: string;
  lastAnswerAt: number | null;
}

/** GitHub's silence once it has lasted `silentAfterMs`; null while it answers (or not for that long). */
export function githubSilence(now: number = Date.now(), silentAfterMs: number = DEFAULT_SILENT_AFTER_MS): GithubSilence | null {
  if (silentSince === null || now - silentSince < silentAfterMs) return null;
  return { since: silentSince, last: lastSilence, lastAnswerAt };
}

/** Forgets everything (tests). */
export function resetGithubSilence(): void {
  lastAnswerAt = null;
  silentSince = null;
  lastSilence = "";
}
