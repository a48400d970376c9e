/**
 * GitHub's clock, learnt from the `Date` header of its answers. Look-ups "since" a create (after
 * GitHub failed on it, to find out whether it landed) must use GitHub's time: a host clock running
 * ahead of GitHub's by more than the look-back would look past the item and create it again.
 * One offset per process (the app talks to one GitHub); until GitHub has answered once, the host's clock.
 */
import type { Octokit as Core } from "@octokit/core";

let offsetMs = 0;
let known = false;

/** Notes an answer's `Date` header (1 s resolution) against the host clock at the time it arrived. */
export function noteGithubDate(header: unknown, receivedAt: number = Date.now()): void {
  if (typeof header !== "string") return;
  const at = Date.parse(header);
  if (Number.isNaN(at)) return;
  // The header drops the milliseconds: the true time is up to 1 s later; half of it is the best guess.
  offsetMs = at + 500 - receivedAt;
  known = true;
}

/** Epoch ms on GitHub's clock now (the host's when GitHub has not answered yet). */
export function githubNow(hostNow: number = Date.now()): number {
  return hostNow + offsetMs;
}

/** How far GitHub's clock is from ours (ms), when known (for logs and readiness). */
export function githubClockOffset(): number | null {
  return known ? offsetMs : null;
}

/** Forgets what was learnt (tests). */
export function resetGithubClock(): void {
  offsetMs = 0;
  known = false;
}

/** Plugin: every answer, error answers included, tells the clock. */
export function trackGithubClock(octokit: Core): void {
  octokit.hook.after("request", (response) => noteGithubDate(response.headers?.date));
  octokit.hook.error("request", (error) => {
    noteGithubDate((error as { response?: { headers?: Record<string, unknown> } }).response?.headers?.date);
    throw error;
  });
}
