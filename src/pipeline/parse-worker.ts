/**
 * Entry of the parse pool's worker threads: one wrap-up text in, its model out. Runs `parseWrapUp`
 * off the main thread, so a hostile file keeps a worker busy, never the server's event loop.
 */
import { parseWrapUp } from "../wrapup/parse-wrapup.js";
import type { ReadingOptions, WrapUp } from "../wrapup/types.js";

export interface ParseTask {
  path: string;
  text: string;
  /** `wrapups` of the repository's config, and whether `paths` chose the file (plain data: it crosses threads). */
  reading?: ReadingOptions;
}

/** A task that only starts the thread (loading the parser), so no file's deadline pays for that. */
export interface WarmTask {
  warm: true;
}

export default function parseInWorker(task: ParseTask | WarmTask): WrapUp | null {
  return "warm" in task ? null : parseWrapUp(task.text, { path: task.path, reading: task.reading });
}
