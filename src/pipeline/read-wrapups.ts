import { LRUCache } from "lru-cache";
import type { FetchFileTextsResult } from "../github/fetch-file-texts.js";
import { parseInPool } from "./parse-pool.js";
import { couldBeWrapUp, skippedWrapUp } from "../classifying/could-be-wrapup.js";
import { couldBeEventReport } from "../classifying/could-be-event-report.js";
import { markRepeatedWrapUps } from "../classifying/mark-repeated-wrapups.js";
import type { ReadingOptions, WrapUp } from "../wrapup/types.js";

/** A file that may be a wrap-up; `sha` is its blob SHA when the listing gave one (tree, PR files). */
export interface ListedFile {
  path: string;
  sha?: string;
}

export interface ReadWrapUpsResult {
  /** One model per file read (files GitHub could not give are left out), in listing order. */
  wrapUps: WrapUp[];
  stats: ReadStats;
}

export interface ReadStats {
  /** Files listed as candidates. */
  files: number;
  /** Answered from the memo: their blob did not change since an earlier read. */
  fromMemo: number;
  /** Texts fetched from GitHub. */
  fetched: number;
  /** Texts parsed (the rest of the fetched ones were ruled out by the cheap text test). */
  parsed: number;
  /** Time spent reading texts into models, in ms. */
  parseMs: number;
  /** Files that could not be read (binary, too large, gone), with why. */
  skipped: { path: string; reason: string }[];
  /**
   * Files fetched but too large or too complex to parse (over 1 MB, past the parse deadline or memory
   * limit), memo included: each is a finding on the dashboard and in `scan`, never silently dropped.
   */
  unreadable: { path: string; reason: string }[];
}

interface Remembered {
  wrapUp: WrapUp;
  /** False when only the decision is kept (not a wrap-up): enough for the default `paths`, not for globs. */
  complete: boolean;
}

/**
 * A blob's text never changes, and neither does what it reads as at a given path: models are kept by
 * blob SHA and path, so a sweep of a repository with a thousand markdown files re-reads only the files
 * whose blob changed. Bounded; what the app classified as not a wrap-up keeps only its reason.
 */
const memo = new LRUCache<string, Remembered>({ max: 20_000 });
const memoKey = (sha: string, path: string, reading?: ReadingOptions) => `${sha} ${path}${readingKey(reading)}`;

/** Configured event words and field names change what a blob reads as: they are part of the memo key. */
function readingKey(reading: ReadingOptions | undefined): string {
  if (!reading?.eventWords?.length && !reading?.fields) return "";
  return ` ${JSON.stringify([reading.eventWords ?? [], reading.fields ?? {}])}`;
}

/** Empties the memo (tests). */
export function forgetReadWrapUps(): void {
  memo.clear();
}

/**
 * Models of the listed files: from the memo where the blob is known, else fetched (in batches, by
 * `fetchTexts`) and read. `everyFile` (globs in `paths`) parses every file; by default files that cannot
 * be wrap-ups are answered from a cheap text test without parsing.
 */
export async function readWrapUps(
  listed: ListedFile[],
  fetchTexts: (paths: string[]) => Promise<FetchFileTextsResult>,
  options: { everyFile: boolean; reading?: ReadingOptions },
): Promise<ReadWrapUpsResult> {
  const stats: ReadStats = { files: listed.length, fromMemo: 0, fetched: 0, parsed: 0, parseMs: 0, skipped: [], unreadable: [] };
  const known = new Map<string, WrapUp>();
  for (const file of listed) {
    const hit = file.sha ? memo.get(memoKey(file.sha, file.path, options.reading)) : undefined;
    if (hit && (hit.complete || !options.everyFile)) known.set(file.path, hit.wrapUp);
  }
  stats.fromMemo = known.size;
  const missing = listed.filter((file) => !known.has(file.path)).map((file) => file.path);
  if (missing.length > 0) {
    const texts = await fetchTexts(missing);
    stats.fetched = texts.files.length;
    stats.skipped = texts.skipped;
    const started = performance.now();
    // Parsed in worker threads (deadline and memory limit per file): the event loop stays free meanwhile.
    const words = options.reading?.eventWords ?? [];
    const reading = { ...options.reading, chosen: options.everyFile };
    const read = await Promise.all(
      texts.files.map(async (file) => {
        // The cheap tests first (linear, on the main thread), unless globs chose the file: then its topics are needed whatever it is.
        const parse = options.everyFile || couldBeWrapUp(file.text) || couldBeEventReport(file.text, file.path, words);
        const wrapUp = parse ? await parseInPool({ path: file.path, text: file.text, reading }) : skippedWrapUp(file.path);
        return { file, parse, wrapUp };
      }),
    );
    for (const { file, parse, wrapUp } of read) {
      if (parse) stats.parsed += 1;
      known.set(file.path, wrapUp);
      if (file.oid) memo.set(memoKey(file.oid, file.path, options.reading), remember(wrapUp, parse));
    }
    stats.parseMs = Math.round(performance.now() - started);
  }
  const wrapUps = listed.flatMap((file) => known.get(file.path) ?? []);
  stats.unreadable = wrapUps.flatMap((w) => (w.unreadable ? [{ path: w.path, reason: w.unreadable }] : []));
  // Read together, a blog post repeating a wrap-up is seen for the retelling it is.
  return { wrapUps: markRepeatedWrapUps(wrapUps), stats };
}

/** Of a file that is not a wrap-up only its decision is kept, not its topics: memory stays small. */
function remember(wrapUp: WrapUp, parsed: boolean): Remembered {
  if (wrapUp.kind !== "not-a-wrap-up") return { wrapUp, complete: parsed };
  return { wrapUp: { ...wrapUp, topics: [], warnings: [] }, complete: false };
}
