/**
 * End to end with hostile files in the wrap-up repository: the server answers `/health` within a second
 * all through a sweep that parses them (parsing runs in worker threads), a real wrap-up carrying a
 * ~900 KB table is still found, and a file too complex to parse in time or over 1 MB is named on the
 * dashboard instead of being silently left out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findRepo, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { wideTable } from "../../dev/hostile-files.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, WRAPUP_PATH } from "./helpers/e2e-world.js";
import { botIssues } from "./helpers/inspect.js";
import { deliver, pushEvent, waitFor } from "./helpers/webhooks.js";

const TABLE_WRAPUP = "wrapups/2026-10-table-hack-days.md";
const SLOW = "notes/hack-days-log.md";
const HUGE = "notes/hack-days-dump.md";

/** A real wrap-up with a ~900 KB wide table between its two topics. */
const tableWrapUp = [
  "# Table Hack Days 2026-10-05 Wrap-up",
  "",
  "## Build Cache Metrics",
  "",
  "**Problem Statement:** Nobody knows how often the cache hits.",
  "",
  "**Next Steps:** Publish the numbers weekly.",
  "",
  "**Code/Pull Requests:** https://github.com/acme/widgets/pull/101",
  "",
  wideTable(10_000, 8),
  "",
  "## Importer Removal",
  "",
  "**Problem Statement:** The old importer is dead code.",
  "",
  "**Next Steps:** Delete it.",
  "",
  "**Code/Pull Requests:** https://github.com/acme/widgets/pull/102",
  "",
].join("\n");

async function timeHealth(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) });
  await response.arrayBuffer();
  return response.ok ? performance.now() - started : Number.POSITIVE_INFINITY;
}

describe("hostile files in the wrap-up repository", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    const world = buildE2eWorld();
    const [owner, name] = HACKATHON.split("/") as [string, string];
    const repo = findRepo(world, owner, name)!;
    Object.assign(repo.files[repo.defaultBranch]!, {
      [TABLE_WRAPUP]: tableWrapUp,
      // One paragraph of 200,000 short lines after an event's name: seconds of parsing, over the deadline.
      [SLOW]: `Hack Days log\n\n${"a\n".repeat(200_000)}`,
      [HUGE]: `Hack Days dump\n\n${"lorem ipsum ".repeat(90_000)}`,
    });
    standIn = await startStandIn({ world });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW, WRAPUP_PARSE_DEADLINE_MS: "1500" } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("answers /health within a second throughout the sweep and reports what it could not read", async () => {
    // /health is asked every 50 ms from before the delivery until the sweep it starts is done.
    const latencies: number[] = [];
    let sweeping = true;
    const polling = (async () => {
      while (sweeping) {
        latencies.push(await timeHealth(app.url));
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const delivered = performance.now();
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH, TABLE_WRAPUP], INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => app.countLogs("sweep done") > 0, 60_000, "the end of the sweep");
    const sweepMs = performance.now() - delivered;
    sweeping = false;
    await polling;
    // The sweep parsed the files for seconds (one of them up to its deadline): /health was asked all along.
    expect(sweepMs).toBeGreaterThan(1_500);
    expect(latencies.length).toBeGreaterThan(10);
    expect(Math.max(...latencies)).toBeLessThan(1_000);

    const dashboard = await waitFor(() => botIssues(standIn, HACKATHON).find((i) => i.body.startsWith("<!-- wrapup-tracker:dashboard -->")), 10_000, "the dashboard");
    // The wrap-up carrying the table is an event of the dashboard, with both its topics.
    expect(dashboard.body).toMatch(/Table Hack Days 2026-10-05 Wrap-up\]\([^)]*\) \| 2026-10-05 \| 2 \|/);
    expect(dashboard.body).toContain(`${SLOW} was not checked, too large/complex to read: parsing took longer than 1.5 s and was stopped`);
    expect(dashboard.body).toContain(`${HUGE} was not checked, too large/complex to read: 1.1 MB, over the 1.0 MB limit`);
  }, 90_000);
});
