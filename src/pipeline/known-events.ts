import { LRUCache } from "lru-cache";
import type { ThreadEvent } from "../progress/find-threads.js";
import type { RepoRef } from "../github/repo-ref.js";

/**
 * The events (wrap-ups on the default branch) each repository's last sweep in this process found:
 * what a wrap-up pull request's topics may continue. Kept so the status comment can say "continued
 * from 12/2024" without reading every wrap-up again on each pull request event; until a sweep of
 * the repository has run in this process, the status comment simply says nothing about carry-over.
 */
const known = new LRUCache<string, ThreadEvent[]>({ max: 500 });

const keyOf = (repo: RepoRef) => `${repo.owner}/${repo.repo}`.toLowerCase();

export function rememberEvents(repo: RepoRef, events: ThreadEvent[]): void {
  known.set(keyOf(repo), events);
}

/** The remembered events, with the files a pull request changes left out (its version counts). */
export function knownEvents(repo: RepoRef, except: string[]): ThreadEvent[] {
  const skip = new Set(except);
  return (known.get(keyOf(repo)) ?? []).filter((event) => !skip.has(event.path));
}

/** Forgets everything (tests). */
export function forgetKnownEvents(): void {
  known.clear();
}
