import type { Config } from "../config/schema.js";
import { resolveLinks } from "../github/resolve-links.js";
import type { GraphqlRequest } from "../github/request-queue.js";
import type { StateCache } from "../github/state-cache.js";
import type { LinkState, ResolvedStates, ResolveStats } from "../github/types.js";
import { defaultConfig } from "../config/load-repo-config.js";
import { checkParsedWrapUps } from "./check-wrapups.js";
import { notAWrapUpFinding } from "./not-a-wrap-up-finding.js";
import { needsTopics } from "./select-paths.js";
import type { TopicReport, WrapUpReport } from "../progress/types.js";
import { linkKey } from "../wrapup/link-key.js";
import type { Link, WrapUp } from "../wrapup/types.js";

export interface CheckFilesOptions {
  /** Only `staleAfterDays` / `graceDays` are used; null while the repository's config is invalid. */
  config: Pick<Config, "staleAfterDays" | "graceDays" | "paths"> | null;
  /** The raw `octokit.graphql`: the resolver queues it itself (a queued one would wait on itself). */
  graphql: GraphqlRequest;
  scope: string;
  now: Date;
  bypassCache: boolean;
  /** `/refresh words`: only the topics whose title contains one of them skip the cache. */
  words?: string[];
  /** Our own login: its comments never count as activity. */
  selfLogin?: string | null;
  /** The resolver's cache: the process-wide one when absent, none when null. */
  cache?: StateCache | null;
  /** For files that state no date: when the event was (their first commit), for the grace period. */
  eventDateOf?: (path: string) => Promise<string | null>;
}

export interface CheckFilesResult {
  /**
   * Judged files. With default `paths`, only the files judged wrap-ups; with globs in `paths`, every
   * matching file, those that do not read like wrap-ups carrying a finding that says so.
   */
  reports: WrapUpReport[];
  stats: ResolveStats;
  states: ResolvedStates;
  /** Logins behind a topic's linked PRs and branches (bots left out), for mentions. */
  authorsOf: (topic: TopicReport) => string[];
}

/**
 * classify → resolve → judge (`checkParsedWrapUps`) for files already read (`readWrapUps`), with the
 * resolver wired to this installation. With default `paths` only wrap-ups go on: the links of release
 * notes and docs pages are never even asked for.
 */
export async function checkFiles(read: WrapUp[], options: CheckFilesOptions): Promise<CheckFilesResult> {
  let states: ResolvedStates = new Map();
  const byGlobs = !!options.config && !needsTopics(options.config);
  const wrapUps = byGlobs ? read : read.filter((wrapUp) => wrapUp.kind === "wrap-up");
  const fresh = options.bypassCache ? keysToRefresh(wrapUps, options.words ?? []) : new Set<string>();
  const resolve = async (links: Link[]) => {
    const ignoreLogins = options.selfLogin ? [options.selfLogin] : [];
    const base = { graphql: options.graphql, scope: options.scope, ignoreLogins, ...(options.cache === undefined ? {} : { cache: options.cache }) };
    const bypassed = links.filter((l) => fresh.has(linkKey(l) ?? ""));
    const cached = links.filter((l) => !fresh.has(linkKey(l) ?? ""));
    const [a, b] = await Promise.all([
      resolveLinks(cached, { ...base, bypassCache: false }),
      resolveLinks(bypassed, { ...base, bypassCache: true }),
    ]);
    states = new Map([...a.states, ...b.states]);
    return { states, stats: addStats(a.stats, b.stats) };
  };
  const config = options.config ?? defaultConfig();
  const eventDates = options.eventDateOf ? await findEventDates(wrapUps, options.eventDateOf) : undefined;
  const checked = await checkParsedWrapUps(wrapUps, { now: options.now, config, resolve, ...(eventDates ? { eventDates } : {}) });
  if (byGlobs) {
    checked.reports.forEach((report, i) => {
      const finding = notAWrapUpFinding(wrapUps[i]!, "matched `paths`");
      if (finding) report.findings.unshift(finding);
    });
  }
  return { reports: checked.reports, stats: checked.stats, states, authorsOf: (topic) => authorsOf(topic, states) };
}

/** Event dates of the wrap-ups that state none themselves. */
async function findEventDates(
  wrapUps: WrapUp[],
  eventDateOf: (path: string) => Promise<string | null>,
): Promise<Record<string, string | null>> {
  const dates: Record<string, string | null> = {};
  for (const wrapUp of wrapUps) {
    if (wrapUp.topics.length > 0 && !wrapUp.date) dates[wrapUp.path] = await eventDateOf(wrapUp.path);
  }
  return dates;
}

/** Keys of the links to ask GitHub for afresh: all of them, or those of the topics named by words. */
function keysToRefresh(wrapUps: WrapUp[], words: string[]): Set<string> {
  const lowered = words.map((w) => w.toLowerCase());
  const keys = new Set<string>();
  for (const wrapUp of wrapUps) {
    for (const topic of wrapUp.topics) {
      const title = topic.title.toLowerCase();
      if (lowered.length > 0 && !lowered.some((w) => title.includes(w))) continue;
      for (const link of topic.links) keys.add(linkKey(link) ?? "");
    }
  }
  return keys;
}

function addStats(a: ResolveStats, b: ResolveStats): ResolveStats {
  return {
    graphqlRequests: a.graphqlRequests + b.graphqlRequests,
    points: a.points + b.points,
    restRequests: a.restRequests + b.restRequests,
    cacheHits: a.cacheHits + b.cacheHits,
    ms: Math.max(a.ms, b.ms),
  };
}

function authorsOf(topic: TopicReport, states: ResolvedStates): string[] {
  const logins = topic.judgement.links.flatMap((link) => authorLogins(states.get(link.key)));
  return [...new Set(logins)];
}

function authorLogins(state: LinkState | undefined): string[] {
  if (!state || state.status !== "ok") return [];
  if (state.type === "pull") return state.author && !state.author.isBot ? [state.author.login] : [];
  if (state.type === "branch") return state.pulls.flatMap((p) => (p.author && !p.author.isBot ? [p.author.login] : []));
  return [];
}
