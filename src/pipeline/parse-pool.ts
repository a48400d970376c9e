import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import PQueue from "p-queue";
import { Piscina } from "piscina";
import type { WrapUp } from "../wrapup/types.js";
import type { ParseTask, WarmTask } from "./parse-worker.js";

export interface ParseLimits {
  /** A file whose parse takes longer is given up (its worker is stopped). */
  deadlineMs: number;
  /** Old-generation heap of one worker: a parse needing more ends with that worker, not the app. */
  memoryMb: number;
  /** Files larger than this (UTF-16 code units, ~bytes) are not read at all. */
  maxLength: number;
}

/** Ordinary wrap-ups (under 100 KB) parse in well under 100 ms; a file the bounds could not tame is given up. */
export const DEFAULT_PARSE_LIMITS: ParseLimits = {
  deadlineMs: envNumber("WRAPUP_PARSE_DEADLINE_MS", 2_000),
  memoryMb: envNumber("WRAPUP_PARSE_MEMORY_MB", 192),
  maxLength: 1_000_000,
};

const THREADS = Math.max(1, Math.min(2, availableParallelism() - 1));
let pool: Piscina<ParseTask | WarmTask, WrapUp | null> | null = null;
/** One task per thread at a time, so a file's deadline counts its own parse, not its wait behind others. */
const running = new PQueue({ concurrency: THREADS });

/**
 * The model of one file, parsed in a worker thread with a deadline and a memory limit. Never throws:
 * a file over the size limit, past the deadline, out of memory, or crashing its worker gives a model
 * with `unreadable` set, that callers report as a finding ("too large/complex to read: …").
 */
export async function parseInPool(task: ParseTask, limits: ParseLimits = DEFAULT_PARSE_LIMITS): Promise<WrapUp> {
  if (task.text.length > limits.maxLength) {
    return unreadableWrapUp(task.path, `too large/complex to read: ${megabytes(task.text.length)}, over the ${megabytes(limits.maxLength)} limit (files that large are not read)`);
  }
  const parsed = await running.add(async () => {
    try {
      const threads = getPool(limits);
      // A thread starting (and, from sources, compiling the parser) may take seconds on a busy machine.
      if (threads.threads.length === 0) await threads.run({ warm: true });
      return (await threads.run(task, { signal: AbortSignal.timeout(limits.deadlineMs) })) as WrapUp;
    } catch (error) {
      return unreadableWrapUp(task.path, `too large/complex to read: ${describeFailure(error, limits)}`);
    }
  });
  return parsed as WrapUp;
}

/** The model of a file that could not be read: not a wrap-up as far as the app can tell, and says why. */
export function unreadableWrapUp(path: string, reason: string): WrapUp {
  return { path, title: null, date: null, topics: [], warnings: [reason], kind: "not-a-wrap-up", why: `not a wrap-up: ${reason}`, unreadable: reason };
}

function getPool(limits: ParseLimits): Piscina<ParseTask | WarmTask, WrapUp | null> {
  if (pool) return pool;
  const { filename, execArgv } = workerEntry();
  pool = new Piscina<ParseTask | WarmTask, WrapUp | null>({
    filename,
    execArgv,
    minThreads: 0,
    maxThreads: THREADS,
    // Idle threads end soon, so a CLI run exits and a server between sweeps holds no parser heap.
    idleTimeout: 10_000,
    resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
  });
  return pool;
}

/**
 * The worker's file: the compiled `parse-worker.js` beside this module (lib/, the server and CLI), or,
 * when this module runs from TypeScript sources (tsx, vitest), `parse-worker.ts` loaded through tsx.
 */
function workerEntry(): { filename: string; execArgv: string[] } {
  const compiled = fileURLToPath(new URL("./parse-worker.js", import.meta.url));
  if (existsSync(compiled)) return { filename: compiled, execArgv: [] };
  return { filename: fileURLToPath(new URL("./parse-worker.ts", import.meta.url)), execArgv: ["--import", "tsx"] };
}

function describeFailure(error: unknown, limits: ParseLimits): string {
  const { name, code, message } = (error ?? {}) as { name?: string; code?: string; message?: string };
  if (name === "AbortError" || name === "TimeoutError") return `parsing took longer than ${limits.deadlineMs / 1000} s and was stopped`;
  if (code === "ERR_WORKER_OUT_OF_MEMORY") return `parsing needed more than ${limits.memoryMb} MB of memory and was stopped`;
  return `the parser failed (${String(message ?? error).slice(0, 120)})`;
}

function megabytes(length: number): string {
  return `${(length / 1_000_000).toFixed(1)} MB`;
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}
