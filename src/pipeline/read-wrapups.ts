import { LRUCache } from "lru-cache";
import type { FetchFileTextsResult } from "../github/fetch-file-texts.js";
import { parseWrapUp } from "../wrapup/parse-wrapup.js";
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
  const stats: ReadStats = { files: listed.length, fromMemo: 0, fetched: 0, parsed: 0, parseMs: 0, skipped: [] };
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
    for (const file of texts.files) {
      // The cheap test first, unless globs chose the file: then its topics are needed whatever it is.
      const words = options.reading?.eventWords ?? [];
      const parse = options.everyFile || couldBeWrapUp(file.text) || couldBeEventReport(file.text, file.path, words);
      const reading = { ...options.reading, chosen: options.everyFile };
      const wrapUp = parse ? parseWrapUp(file.text, { path: file.path, reading }) : skippedWrapUp(file.path);
      if (parse) stats.parsed += 1;
      known.set(file.path, wrapUp);
      if (file.oid) memo.set(memoKey(file.oid, file.path, options.reading), remember(wrapUp, parse));
    }
    stats.parseMs = Math.round(performance.now() - started);
  }
  // Read together, a blog post repeating a wrap-up is seen for the retelling it is.
  return { wrapUps: markRepeatedWrapUps(listed.flatMap((file) => known.get(file.path) ?? [])), stats };
}

/** Of a file that is not a wrap-up only its decision is kept, not its topics: memory stays small. */
function remember(wrapUp: WrapUp, parsed: boolean): Remembered {
  if (wrapUp.kind !== "not-a-wrap-up") return { wrapUp, complete: parsed };
  return { wrapUp: { ...wrapUp, topics: [], warnings: [] }, complete: false };
}
