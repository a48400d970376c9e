import type { Link, ReadingOptions, WrapUp } from "../wrapup/types.js";
import { isWorkItem, linkKey } from "../wrapup/link-key.js";
import { parseWrapUp } from "../wrapup/parse-wrapup.js";
import type { ResolveResult } from "../github/resolve-links.js";
import type { ResolveStats } from "../github/types.js";
import type { Config } from "../config/schema.js";
import { judgeWrapUp } from "../progress/judge-wrapup.js";
import type { WrapUpReport } from "../progress/types.js";

export interface CheckWrapUpsOptions {
  now: Date;
  config: Pick<Config, "staleAfterDays" | "graceDays">;
  /** Asks GitHub for the states of the given links (the resolver, or a fake in tests). */
  resolve: (links: Link[]) => Promise<ResolveResult>;
  /** Per path: the event date to use when the file states none (e.g. its first commit), or null. */
  eventDates?: Record<string, string | null>;
  /** `wrapups` of the configuration: more event words and field names for the readers. */
  reading?: ReadingOptions;
}

export interface CheckWrapUpsResult {
  wrapUps: WrapUp[];
  reports: WrapUpReport[];
  stats: ResolveStats;
}

/**
 * The pipeline from text to verdicts: parse every file, resolve the work links of all files in one
 * call (so a PR linked from several files is asked for once), judge each file.
 */
export async function checkWrapUps(files: { path: string; text: string }[], options: CheckWrapUpsOptions): Promise<CheckWrapUpsResult> {
  return checkParsedWrapUps(
    files.map((file) => parseWrapUp(file.text, { path: file.path, reading: options.reading })),
    options,
  );
}

/** The same from wrap-ups already parsed (callers that read them first never parse twice). */
export async function checkParsedWrapUps(wrapUps: WrapUp[], options: CheckWrapUpsOptions): Promise<CheckWrapUpsResult> {
  const { states, stats } = await options.resolve(collectWorkLinks(wrapUps));
  const reports = wrapUps.map((wrapUp) =>
    judgeWrapUp(wrapUp, states, {
      now: options.now,
      staleAfterDays: options.config.staleAfterDays,
      graceDays: options.config.graceDays,
      eventDate: options.eventDates?.[wrapUp.path] ?? null,
    }),
  );
  return { wrapUps, reports, stats };
}

/** Work links of every topic of every file, one per key. */
export function collectWorkLinks(wrapUps: WrapUp[]): Link[] {
  const byKey = new Map<string, Link>();
  for (const link of wrapUps.flatMap((w) => w.topics.flatMap((t) => t.links))) {
    const key = isWorkItem(link) ? linkKey(link) : null;
    if (key && !byKey.has(key)) byKey.set(key, link);
  }
  return [...byKey.values()];
}
