/**
 * `npm run demo [-- --dir <folder>] [--out <folder>]`: the app's main job, with no GitHub account.
 *
 * 1. builds a GitHub stand-in world from the wrap-ups in a folder (default: examples/wrapups/);
 * 2. starts the real server (`npm start`) against it, with a fixed clock;
 * 3. replays a wrap-up pull request, a sweep (which opens only the dashboard) and a person ticking
 *    the dashboard's "Start following up" box, as signed webhooks;
 * 4. prints the PR comment, the dashboard (before and after) and the follow-ups the app wrote, and
 *    saves them as markdown files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT, startApp, type AppProcess } from "./app-process.js";
import { buildDemoWorld, DEMO_INSTALLATION, DEMO_NOW, DEMO_PR, DEMO_REPO, type DemoFile } from "./demo-world.js";
import { startStandIn, type StandIn } from "./github-stand-in/index.js";
import { collectDemoResults, writeDemoResults } from "./demo-output.js";
import { deliver, issueEditedEvent, pullRequestEvent, pushEvent, waitFor } from "./webhooks.js";
import { hasDashboardMarker } from "../src/render/dashboard-marker.js";

function readWrapUps(dir: string): DemoFile[] {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const names = readdirSync(dir).filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md").sort();
  if (names.length === 0) throw new Error(`no markdown wrap-ups in ${dir}`);
  return names.map((name) => ({ path: `wrapups/${basename(name)}`, text: readFileSync(join(dir, name), "utf8") }));
}

/** Replays a wrap-up PR, a push (the first sweep: the dashboard only), then a person ticking its box. */
async function replay(app: AppProcess, standIn: StandIn, files: DemoFile[]): Promise<{ dashboardBeforeApproval: string | null }> {
  const world = standIn.world;
  const log = (line: string) => process.stderr.write(`demo: ${line}\n`);
  log(`pull request ${DEMO_REPO}#${DEMO_PR} opened (the newest of ${files.length} wrap-up file${files.length === 1 ? "" : "s"})…`);
  await deliver(app, pullRequestEvent(world, DEMO_REPO, DEMO_PR, "opened", DEMO_INSTALLATION));
  const repo = world.repos[DEMO_REPO]!;
  await waitFor(() => repo.pulls[DEMO_PR]!.comments.some((c) => c.body.includes("wrapup-tracker:status")), 20_000, () => `the status comment\n${app.notableLogs()}`);
  const sweep = async (what: string, delivery: Parameters<typeof deliver>[1]) => {
    log(what);
    const sweeps = app.countLogs("sweep done");
    await deliver(app, delivery);
    await waitFor(() => app.countLogs("sweep done") > sweeps, 40_000, () => `the end of the sweep\n${app.notableLogs()}`);
  };
  await sweep("push to main → the first sweep: only the dashboard…", pushEvent(world, DEMO_REPO, files.map((f) => f.path), DEMO_INSTALLATION));
  const dashboard = Object.values(repo.issues).find((issue) => hasDashboardMarker(issue.body));
  if (!dashboard) return { dashboardBeforeApproval: null };
  const before = dashboard.body;
  const ticked = before.replace("- [ ] <!-- wrapup-tracker:start-following-up -->", "- [x] <!-- wrapup-tracker:start-following-up -->");
  await sweep("ana ticks “Start following up” on the dashboard → follow-ups…", issueEditedEvent(world, DEMO_REPO, dashboard.number, ticked, "ana", DEMO_INSTALLATION));
  return { dashboardBeforeApproval: before };
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dir: { type: "string" }, out: { type: "string" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    process.stdout.write("usage: npm run demo [-- --dir <folder of wrap-ups>] [--out <folder>]\n");
    return 0;
  }
  const dir = resolve(values.dir ?? join(REPO_ROOT, "examples", "wrapups"));
  const out = resolve(values.out ?? join(REPO_ROOT, "demo-output"));
  const started = Date.now();
  const files = readWrapUps(dir);
  const standIn = await startStandIn({ world: buildDemoWorld(files), latencyMs: 5 });
  let app: AppProcess | undefined;
  const stop = async () => {
    await app?.stop();
    await standIn.close();
  };
  process.once("SIGINT", () => void stop().then(() => process.exit(130)));
  let replayed: { dashboardBeforeApproval: string | null } = { dashboardBeforeApproval: null };
  try {
    app = await startApp({ standIn, env: { WRAPUP_NOW: DEMO_NOW } });
    replayed = await replay(app, standIn, files);
  } finally {
    await stop();
  }
  const results = collectDemoResults(standIn, replayed.dashboardBeforeApproval);
  process.stdout.write(results.printable);
  mkdirSync(out, { recursive: true });
  const written = writeDemoResults(results, out);
  process.stderr.write(`demo: wrote ${written.length} files to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
