/**
 * `npm run bench:scan` — the sweep's reading step (list the tree → read changed blobs → classify) on a
 * generated documentation repository of 1,000 markdown files with 12 wrap-ups, served by the local
 * GitHub stand-in: a first sweep, a second one (nothing changed), and a third after five pages changed.
 *
 *   --pages 1000       markdown files in the repository
 *   --latency-ms 100   stand-in delay before every response
 *
 * Prints files read, GraphQL requests, parse time, wall time and the heap the memo keeps; and checks
 * that exactly the 12 wrap-ups were found.
 */
import { parseArgs } from "node:util";
import { addInstallation, addRepo, createWorld, startStandIn } from "../dev/github-stand-in/index.js";
import { defaultConfig } from "../src/config/load-repo-config.js";
import { createOctokit } from "../src/github/client.js";
import { fetchFileTexts } from "../src/github/fetch-file-texts.js";
import { createRequestQueue, queueGraphql } from "../src/github/request-queue.js";
import { listWrapUpFiles } from "../src/pipeline/list-wrapup-files.js";
import { readWrapUps } from "../src/pipeline/read-wrapups.js";
import { generateDocsTree } from "../dev/docs-tree.js";

const REPO = { owner: "acme", repo: "widgetry-docs" };
const quiet = () => undefined;

const { values } = parseArgs({ options: { pages: { type: "string", default: "1000" }, "latency-ms": { type: "string", default: "100" } } });
const tree = generateDocsTree(Number(values.pages));
const world = createWorld();
const repo = addRepo(world, `${REPO.owner}/${REPO.repo}`, { files: tree.files });
addInstallation(world, 1, REPO.owner);
const standIn = await startStandIn({ world, latencyMs: Number(values["latency-ms"]), pointsLimit: 10_000_000 });
const octokit = createOctokit({ token: "bench", apiUrl: standIn.apiUrl, log: { debug: quiet, info: quiet, warn: quiet, error: quiet } });
const graphql = queueGraphql(octokit.graphql, { scope: "bench", queue: createRequestQueue() });

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => (gc?.(), process.memoryUsage().heapUsed / 1_048_576);

/** One sweep-sized scan: what runSweep does before it resolves any link. */
async function scan(label: string) {
  const before = standIn.requests.length;
  const heapBefore = heapMb();
  const started = performance.now();
  const listed = await listWrapUpFiles(octokit as never, REPO, repo.defaultBranch, defaultConfig());
  const read = await readWrapUps(listed.files, (paths) => fetchFileTexts(graphql, REPO, repo.defaultBranch, paths), { everyFile: false });
  const ms = performance.now() - started;
  const sent = standIn.requests.slice(before);
  const found = read.wrapUps.filter((w) => w.kind === "wrap-up").map((w) => w.path).sort();
  const falseWrapUps = found.filter((p) => !tree.wrapUps.includes(p));
  const missed = tree.wrapUps.filter((p) => !found.includes(p));
  return {
    run: label,
    files: read.stats.files,
    "texts fetched": read.stats.fetched,
    parsed: read.stats.parsed,
    "from memo": read.stats.fromMemo,
    "GraphQL requests": sent.filter((r) => r.route === "graphql").length,
    "REST requests": sent.filter((r) => r.route !== "graphql").length,
    "parse ms": read.stats.parseMs,
    "wall ms": Math.round(ms),
    "heap kept MB": gc ? (heapMb() - heapBefore).toFixed(1) : "(run with --expose-gc)",
    "wrap-ups": `${found.length} found, ${falseWrapUps.length} false, ${missed.length} missed`,
  };
}

try {
  // Warm-up: the stand-in compiles GitHub's schema on its first GraphQL request; no run should pay it.
  await fetchFileTexts(graphql, REPO, repo.defaultBranch, ["README.md"]);
  const rows = [await scan("first sweep"), await scan("second sweep, nothing changed")];
  const changed = Object.keys(tree.files).filter((p) => p.includes("/concepts/")).slice(0, 5);
  for (const path of changed) repo.files[repo.defaultBranch]![path] += "\nEdited.\n";
  rows.push(await scan("third sweep, 5 pages edited"));
  console.table(rows);
  console.log(`peak RSS of this process (stand-in included): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
} finally {
  await standIn.close();
}
