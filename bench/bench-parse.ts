/**
 * `npm run bench:parse`: parses every file of ../shared/corpus 100 times after a warm-up and prints
 * throughput (MB/s), time per file and time per whole-corpus pass. Target: a pass under 50 ms warm.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseMarkdownTree } from "../src/reading/markdown-tree.js";
import { parseWrapUp } from "../src/wrapup/parse-wrapup.js";

const ROUNDS = 100;
const WARM_UP = 10;
const corpusDir = join(dirname(fileURLToPath(import.meta.url)), "../../shared/corpus");

function listFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function main(): void {
  if (!existsSync(corpusDir)) {
    console.error(`bench:parse: no corpus at ${corpusDir}`);
    process.exitCode = 2;
    return;
  }
  const files = listFiles(corpusDir).map((path) => ({ name: relative(corpusDir, path), text: readFileSync(path, "utf8") }));
  const totalBytes = files.reduce((sum, f) => sum + Buffer.byteLength(f.text), 0);
  for (let i = 0; i < WARM_UP; i++) for (const f of files) parseWrapUp(f.text, { path: f.name });

  const perFile = files.map(() => 0);
  const passes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const passStart = performance.now();
    files.forEach((f, index) => {
      const start = performance.now();
      parseWrapUp(f.text, { path: f.name });
      perFile[index] = (perFile[index] ?? 0) + performance.now() - start;
    });
    passes.push(performance.now() - passStart);
  }

  console.log(`file${" ".repeat(46)}   KB   ms/parse`);
  files.forEach((f, index) => {
    const kb = (Buffer.byteLength(f.text) / 1024).toFixed(1).padStart(6);
    console.log(`${f.name.padEnd(50)} ${kb} ${((perFile[index] ?? 0) / ROUNDS).toFixed(3).padStart(9)}`);
  });
  const total = passes.reduce((a, b) => a + b, 0);
  const sorted = [...passes].sort((a, b) => a - b);
  const mean = total / ROUNDS;
  console.log("");
  console.log(`corpus: ${files.length} files, ${(totalBytes / 1024).toFixed(1)} KB; ${ROUNDS} passes after ${WARM_UP} warm-up passes`);
  console.log(`whole corpus per pass: mean ${mean.toFixed(1)} ms, median ${sorted[ROUNDS >> 1]?.toFixed(1)} ms, best ${sorted[0]?.toFixed(1)} ms (target < 50 ms)`);
  console.log(`per file: ${(mean / files.length).toFixed(2)} ms on average`);
  console.log(`throughput: ${(totalBytes / 1e6 / (mean / 1000)).toFixed(2)} MB/s`);
  const treeMs = timeTreeOnly(files.map((f) => f.text));
  console.log(`of which mdast-util-from-markdown (micromark + GFM + front matter) alone: ${treeMs.toFixed(1)} ms per pass`);
}

/** How much of a pass is the markdown parser itself, to tell our code's cost from the library's. */
function timeTreeOnly(texts: string[]): number {
  for (const text of texts) parseMarkdownTree(text);
  const start = performance.now();
  for (let round = 0; round < 20; round++) for (const text of texts) parseMarkdownTree(text);
  return (performance.now() - start) / 20;
}

main();
