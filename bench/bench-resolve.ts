/**
 * `npm run bench:resolve` — the resolver against a local GitHub stand-in (dev/github-stand-in, GHE
 * layout, points counted GitHub's way) vs. the naive baseline: one REST GET per link, run serially.
 *
 *   --sizes 100,1000,10000   distinct links of mixed kinds
 *   --latency-ms 100         stand-in delay before every response
 *   --pacing-ms 1000         spacing of GraphQL request starts for the paced run (Probot's); 0 = skip it
 *   --baseline-max 1000      larger baselines are extrapolated from the measured time per request
 *
 * Each measurement runs in its own child process, so its peak RSS is its own, not the stand-in's.
 */
import { spawn } from "node:child_process";
import { parseArgs } from "node:util";
// Types only: the children must not load the stand-in (its GraphQL schema alone is ~70 MB of RSS).
import type { StandIn } from "../dev/github-stand-in/index.js";
import { createOctokit } from "../src/github/client.js";
import { createRequestQueue } from "../src/github/request-queue.js";
import { resolveLinks } from "../src/github/resolve-links.js";
import type { Link } from "../src/wrapup/types.js";
import { benchLinks, benchWorld } from "./bench-resolve-world.js";

interface Measure {
  name: string;
  n: number;
  requests: number;
  points: number;
  ms: number;
  rssMb: number | null;
  note?: string;
}

const quiet = () => undefined;
const silentLog = { debug: quiet, info: quiet, warn: quiet, error: quiet };

/** The naive way: one REST GET per link, one after the other. */
function restRouteFor(link: Link): string {
  const repo = `/repos/${link.owner}/${link.repo}`;
  if (link.kind === "pull") return `${repo}/pulls/${link.number}`;
  if (link.kind === "branch") return `${repo}/branches/${encodeURIComponent(link.branch ?? "")}`;
  if (link.kind === "commit") return `${repo}/commits/${link.sha}`;
  return `${repo}/issues/${link.number}`; // issues, discussions and issue-or-pull alike
}

async function runChild(mode: string, n: number, apiUrl: string, pacingMs: number): Promise<{ ms: number; rssMb: number }> {
  const octokit = createOctokit({ token: "bench-token", apiUrl, graphqlPacingMs: pacingMs, log: silentLog });
  const links = benchLinks(n);
  const started = performance.now();
  if (mode === "resolver") {
    const { states } = await resolveLinks(links, { graphql: octokit.graphql, cache: null, queue: createRequestQueue() });
    const failed = [...states.values()].filter((s) => s.status !== "ok").length;
    if (failed > 0) process.stderr.write(`${failed} link(s) did not resolve\n`);
  } else {
    for (const link of links) await octokit.request(`GET ${restRouteFor(link)}`).catch(() => undefined);
  }
  return { ms: performance.now() - started, rssMb: process.resourceUsage().maxRSS / 1024 };
}

function spawnChild(mode: string, n: number, apiUrl: string, pacingMs: number): Promise<{ ms: number; rssMb: number }> {
  const args = ["--import", "tsx", new URL(import.meta.url).pathname, "--child", mode, "--n", String(n), "--api-url", apiUrl, "--pacing-ms", String(pacingMs)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(JSON.parse(out.trim().split("\n").at(-1) ?? "{}")) : reject(new Error(`child ${mode} exited ${code}`))));
  });
}

/** Runs one measurement and reads requests and points from the stand-in's own records. */
async function measure(standIn: StandIn, name: string, mode: string, n: number, pacingMs: number): Promise<Measure> {
  const before = standIn.requests.length;
  const { ms, rssMb } = await spawnChild(mode, n, standIn.apiUrl, pacingMs);
  const sent = standIn.requests.slice(before);
  const graphql = sent.filter((r) => r.route === "graphql");
  const points = mode === "resolver" ? graphql.reduce((sum, r) => sum + (r.cost ?? 0), 0) : sent.length;
  // A baseline that only met 404s would be timing nothing: say how many requests found no item.
  const notFound = sent.filter((r) => r.status >= 400).length;
  return { name, n, requests: sent.length, points, ms, rssMb, ...(notFound > 0 ? { note: `${notFound} answered ≥ 400` } : {}) };
}

function extrapolate(from: Measure, n: number): Measure {
  const perRequest = from.ms / from.requests;
  return { name: from.name, n, requests: n, points: n, ms: perRequest * n, rssMb: null, note: `extrapolated: ${perRequest.toFixed(1)} ms/request measured at ${from.n}` };
}

const fmtMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);

function printTable(rows: Measure[][]): void {
  const header = ["links", "run", "requests", "points", "wall time", "peak RSS", "baseline ÷ this (requests, time)"];
  const lines = [header];
  for (const group of rows) {
    const baseline = group.find((m) => m.name.startsWith("baseline"));
    for (const m of group) {
      const ratio = baseline && m !== baseline ? `${(baseline.requests / m.requests).toFixed(0)}×, ${(baseline.ms / m.ms).toFixed(1)}×` : "";
      lines.push([String(m.n), m.name, String(m.requests), String(m.points), fmtMs(m.ms), m.rssMb === null ? "–" : `${m.rssMb.toFixed(0)} MB`, ratio + (m.note ? ` (${m.note})` : "")]);
    }
  }
  const widths = header.map((_, c) => Math.max(...lines.map((l) => l[c].length)));
  for (const line of lines) console.log(line.map((cell, c) => cell.padEnd(widths[c])).join("  "));
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: "string" },
      n: { type: "string" },
      "api-url": { type: "string" },
      sizes: { type: "string", default: "100,1000,10000" },
      "latency-ms": { type: "string", default: "100" },
      "pacing-ms": { type: "string", default: "1000" },
      "baseline-max": { type: "string", default: "1000" },
    },
  });
  if (values.child) {
    const result = await runChild(values.child, Number(values.n), String(values["api-url"]), Number(values["pacing-ms"]));
    console.log(JSON.stringify(result));
    return;
  }
  const sizes = values.sizes.split(",").map(Number);
  const latencyMs = Number(values["latency-ms"]);
  const pacingMs = Number(values["pacing-ms"]);
  const baselineMax = Number(values["baseline-max"]);
  const { startStandIn } = await import("../dev/github-stand-in/index.js");
  const world = benchWorld(Math.max(...sizes));
  // A budget no run can exhaust: the bench measures cost, it does not test the pause.
  const standIn = await startStandIn({ world, latencyMs, pointsLimit: 10_000_000 });
  console.log(`stand-in ${standIn.apiUrl}, latency ${latencyMs} ms; links rotate pull, issue, discussion, issue-or-pull, branch (half compare), commit\n`);
  // Warm-up: the stand-in compiles GitHub's schema on its first GraphQL request; no run should pay it.
  await spawnChild("resolver", 1, standIn.apiUrl, 0);
  const rows: Measure[][] = [];
  let lastBaseline: Measure | undefined;
  try {
    for (const n of sizes) {
      const group = [await measure(standIn, "resolver (no pacing)", "resolver", n, 0)];
      if (pacingMs > 0) group.push(await measure(standIn, `resolver (${pacingMs} ms pacing)`, "resolver", n, pacingMs));
      if (n <= baselineMax) lastBaseline = await measure(standIn, "baseline REST, serial", "baseline", n, 0);
      else if (lastBaseline) lastBaseline = extrapolate(lastBaseline, n);
      if (lastBaseline) group.push({ ...lastBaseline, n });
      rows.push(group);
      console.error(`done: ${n} links`);
    }
  } finally {
    await standIn.close();
  }
  printTable(rows);
  for (const group of rows) {
    const resolver = group[0];
    const bound = Math.ceil(resolver.n / 50);
    console.log(`${resolver.n} links: graphqlRequests ${resolver.requests} ≤ ⌈N/50⌉ = ${bound}: ${resolver.requests <= bound ? "yes" : "NO"}`);
  }
}

await main();
