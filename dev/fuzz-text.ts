/**
 * A seeded fuzzer for every function that reads a stranger's text: inputs mix pieces of a real wrap-up,
 * markdown syntax, and runs of the characters that make regexes and parsers backtrack, at lengths from
 * a few bytes to 100 KB. The same seed gives the same inputs. `npm run fuzz` runs 10⁵ of them; the test
 * suite runs a slice.
 */
import { RUNS } from "./adversarial-text.js";
import { wrapUpText } from "./hostile-files.js";
import { seededRandom } from "./seeded-random.js";
import { TEXT_FUNCTIONS, type TextFunction } from "./text-functions.js";
import { parseWrapUp } from "../src/wrapup/parse-wrapup.js";
import type { WrapUp } from "../src/wrapup/types.js";

const PIECES = [
  "\n", "\n\n", "# ", "## ", "### ", "**Next Steps:** ", "**Problem Statement:**", "Date: 2024-05-01 – 2024-05-03", "> ", "- ", "1. ",
  "| a | b |\n| - | - |\n", "```\n", "~~~", "<!--", "-->", "<a href=\"https://github.com/a/b/pull/1\">", "[x](https://github.com/a/b/issues/2)",
  "[a]: https://github.com/a/b/pull/3", "acme/widgets#4", "https://github.com/a/b/tree/feature/x", "fixes #1 ", "@mallory ", "🚀 ", "üåê ",
  "Hack Days 2024", "wrap-up", "- ✅ ", "\u2028", "\r\n", "\t", "\0", "\uD800", "/refresh now\n", "/snooze 3\n",
];
const UNITS = Object.values(RUNS);

export interface FuzzOptions {
  count: number;
  seed: number;
  /** Longest run of one character in an input. */
  maxRun?: number;
  /** Called with each input's index and its worst function, for progress. */
  onInput?: (index: number, worst: FuzzTiming) => void;
}

export interface FuzzTiming {
  input: number;
  length: number;
  fn: string;
  ms: number;
}

export interface FuzzResult {
  inputs: number;
  /** The slowest single call over all inputs. */
  slowest: FuzzTiming;
  /** The largest heap growth during one input, in MB (allocation the input caused, before any GC). */
  maxHeapMb: number;
  /** Peak resident memory of the whole run, in MB. */
  peakRssMb: number;
  /** Calls that threw (none expected): function and input index. */
  thrown: { fn: string; input: number; error: string }[];
  /** Models `parseWrapUp` returned that break its contract, as reported by `check`. */
  invalid: { input: number; problem: string }[];
}

/** One input: 1–12 pieces, runs and wrap-up slices, joined. */
export function fuzzInput(random: () => number, maxRun = 10_000): string {
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 12);
  for (let i = 0; i < count; i++) {
    const roll = random();
    if (roll < 0.45) parts.push(pick(PIECES, random));
    else if (roll < 0.7) {
      // Mostly short runs, now and then a long one: lengths spread evenly on a log scale.
      const length = Math.floor(Math.exp(random() * Math.log(maxRun)));
      parts.push(pick(UNITS, random).repeat(length));
    } else {
      const text = wrapUpText();
      const from = Math.floor(random() * text.length);
      parts.push(text.slice(from, from + Math.floor(random() * 400)));
    }
  }
  return parts.join(random() < 0.5 ? "" : "\n");
}

/**
 * Runs every text function and `parseWrapUp` on `count` seeded inputs. `check` validates each model
 * (the test suite passes its schema); the result reports the slowest call and the largest memory growth.
 */
export function runFuzz(options: FuzzOptions, check: (wrapUp: WrapUp) => string | null = () => null): FuzzResult {
  const random = seededRandom(options.seed);
  const functions: [string, TextFunction][] = [...Object.entries(TEXT_FUNCTIONS), ["parseWrapUp", (text) => parseWrapUp(text, { path: "fuzz.md" })]];
  const result: FuzzResult = { inputs: 0, slowest: { input: -1, length: 0, fn: "", ms: 0 }, maxHeapMb: 0, peakRssMb: 0, thrown: [], invalid: [] };
  for (let input = 0; input < options.count; input++) {
    const text = fuzzInput(random, options.maxRun);
    const heapBefore = process.memoryUsage().heapUsed;
    let worst: FuzzTiming = { input, length: text.length, fn: "", ms: 0 };
    for (const [fn, call] of functions) {
      const started = performance.now();
      let value: unknown;
      try {
        value = call(text);
      } catch (error) {
        result.thrown.push({ fn, input, error: String(error).slice(0, 200) });
      }
      const ms = performance.now() - started;
      if (ms > worst.ms) worst = { input, length: text.length, fn, ms };
      if (fn === "parseWrapUp" && value) {
        const problem = check(value as WrapUp);
        if (problem) result.invalid.push({ input, problem });
      }
    }
    result.maxHeapMb = Math.max(result.maxHeapMb, (process.memoryUsage().heapUsed - heapBefore) / 1_048_576);
    if (worst.ms > result.slowest.ms) result.slowest = worst;
    result.inputs += 1;
    options.onInput?.(input, worst);
  }
  result.peakRssMb = process.resourceUsage().maxRSS / 1024;
  return result;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
