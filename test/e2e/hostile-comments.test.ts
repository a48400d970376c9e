/**
 * End to end through the real server: a stranger's hostile comments (up to 1 MB each) and 100
 * `/refresh` from a reader within a second. The server keeps answering `/health`, answers every
 * delivery promptly and writes at most two replies (one per person) — reactions after that.
 */
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, READER, WRAPUP_PR } from "./helpers/e2e-world.js";
import { deliver, issueCommentEvent, settle } from "./helpers/webhooks.js";

const STRANGER = "mallory";

/** What froze `/health` for minutes when comments were parsed as markdown first. */
const HOSTILE_BODIES = [
  "*_".repeat(500_000),
  ">".repeat(65_000),
  `${">".repeat(65_000)}\n/refresh`,
  "]".repeat(1_000_000),
  `${"[".repeat(60_000)}\n/refresh`,
  `${"- ".repeat(30_000)}/refresh`,
  `/refresh\n${"| a ".repeat(250_000)}`,
];

/**
 * Polls `/health` from a worker thread until stopped, and reports the slowest answer (a failed
 * request counts as forever). A thread of its own: this test's main thread is busy signing and
 * sending megabytes, which must not count against the server.
 */
function watchHealth(url: string): { stop: () => Promise<number> } {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
    let running = true, slowest = 0;
    parentPort.on("message", () => (running = false));
    (async () => {
      while (running) {
        const started = performance.now();
        const ok = await fetch(workerData + "/health", { signal: AbortSignal.timeout(5000) }).then((r) => r.ok, () => false);
        slowest = Math.max(slowest, ok ? performance.now() - started : Infinity);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      parentPort.postMessage(slowest);
    })();`,
    { eval: true, workerData: url },
  );
  return {
    stop: async () => {
      const slowest = new Promise<number>((resolve) => worker.once("message", resolve));
      worker.postMessage("stop");
      const result = await slowest;
      await worker.terminate();
      return result;
    },
  };
}

async function timedDelivery(app: AppProcess, delivery: Parameters<typeof deliver>[1]): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const status = await deliver(app, delivery);
  return { status, ms: performance.now() - started };
}

describe("hostile comments", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld({}) });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("keep /health within 1 s, every delivery within 10 s, and at most 2 replies", async () => {
    const health = watchHealth(app.url);
    const strangers = HOSTILE_BODIES.map((body) => issueCommentEvent(standIn.world, HACKATHON, WRAPUP_PR, STRANGER, body, INSTALLATION_ID));
    const readers = Array.from({ length: 100 }, () => issueCommentEvent(standIn.world, HACKATHON, WRAPUP_PR, READER, "/refresh", INSTALLATION_ID));
    const started = performance.now();
    const results = await Promise.all([...strangers, ...readers].map((delivery) => timedDelivery(app, delivery)));
    const sentMs = performance.now() - started;
    await settle(standIn, 1_000);
    const slowestHealth = await health.stop();

    expect(results.every((r) => r.status < 300), JSON.stringify(results.filter((r) => r.status >= 300))).toBe(true);
    expect(Math.max(...results.map((r) => r.ms))).toBeLessThan(10_000);
    expect(slowestHealth).toBeLessThan(1_000);
    const replies = standIn.writes().filter((w) => w.method === "POST" && w.route === `/repos/${HACKATHON}/issues/${WRAPUP_PR}/comments`);
    expect(replies.length).toBeLessThanOrEqual(2);
    expect(replies.map((r) => (r.body as { body: string }).body)).toEqual([expect.stringMatching(/needs write permission/), expect.stringMatching(/needs write permission/)]);
    // The rest of the reader's commands got a reaction, never a run: no 👀, no rocket.
    const reactions = standIn.writes().filter((w) => w.route.endsWith("/reactions")).map((w) => (w.body as { content: string }).content);
    expect(reactions.every((c) => c === "confused")).toBe(true);
    console.log(`hostile comments: ${results.length} deliveries in ${Math.round(sentMs)} ms, slowest ${Math.round(Math.max(...results.map((r) => r.ms)))} ms; slowest /health ${Math.round(slowestHealth)} ms; ${replies.length} replies, ${reactions.length} reactions`);
  }, 90_000);
});
