/**
 * The demo's run, callable from the `npm run demo` script and from the test that keeps
 * docs/what-it-posts.md in step with it: a GitHub stand-in built from wrap-up files, the real server
 * against it with a fixed clock, a wrap-up pull request, a sweep (the dashboard only), then a person
 * ticking the dashboard's box. Returns what the app wrote; leaves no process behind.
 */
import { startApp, type AppProcess } from "./app-process.js";
import { buildDemoWorld, DEMO_INSTALLATION, DEMO_NOW, DEMO_PR, DEMO_REPO, type DemoFile } from "./demo-world.js";
import { startStandIn, type StandIn } from "./github-stand-in/index.js";
import { collectDemoResults, type DemoResults } from "./demo-output.js";
import { deliver, issueEditedEvent, pullRequestEvent, pushEvent, waitFor } from "./webhooks.js";
import { hasDashboardMarker } from "../src/render/dashboard-marker.js";

export interface DemoRun {
  results: DemoResults;
  /** Writes the stand-in saw after the box was ticked and a second, identical sweep ran. */
  writesOnResweep: number;
}

/** Replays a wrap-up PR, a push (the first sweep: the dashboard only), then a person ticking its box. */
async function replay(app: AppProcess, standIn: StandIn, files: DemoFile[], log: (line: string) => void): Promise<{ dashboardBeforeApproval: string | null; writesOnResweep: number }> {
  const world = standIn.world;
  log(`pull request ${DEMO_REPO}#${DEMO_PR} opened (the newest of ${files.length} wrap-up file${files.length === 1 ? "" : "s"})…`);
  await deliver(app, pullRequestEvent(world, DEMO_REPO, DEMO_PR, "opened", DEMO_INSTALLATION));
  const repo = world.repos[DEMO_REPO]!;
  await waitFor(() => repo.pulls[DEMO_PR]!.comments.some((c) => c.body.includes("wrapup-tracker:status")), 30_000, () => `the status comment\n${app.notableLogs()}`);
  const sweep = async (what: string, delivery: Parameters<typeof deliver>[1]) => {
    log(what);
    const sweeps = app.countLogs("sweep done");
    await deliver(app, delivery);
    await waitFor(() => app.countLogs("sweep done") > sweeps, 60_000, () => `the end of the sweep\n${app.notableLogs()}`);
  };
  const push = () => pushEvent(world, DEMO_REPO, files.map((f) => f.path), DEMO_INSTALLATION);
  await sweep("push to main → the first sweep: only the dashboard…", push());
  const dashboard = Object.values(repo.issues).find((issue) => hasDashboardMarker(issue.body));
  if (!dashboard) return { dashboardBeforeApproval: null, writesOnResweep: 0 };
  const before = dashboard.body;
  const ticked = before.replace("- [ ] <!-- wrapup-tracker:start-following-up -->", "- [x] <!-- wrapup-tracker:start-following-up -->");
  await sweep("ana ticks “Start following up” on the dashboard → follow-ups…", issueEditedEvent(world, DEMO_REPO, dashboard.number, ticked, "ana", DEMO_INSTALLATION));
  const mark = standIn.writes().length;
  await sweep("another push, nothing changed → a sweep that should write nothing…", push());
  return { dashboardBeforeApproval: before, writesOnResweep: standIn.writes().length - mark };
}

export async function runDemo(files: DemoFile[], log: (line: string) => void = () => {}): Promise<DemoRun> {
  const standIn = await startStandIn({ world: buildDemoWorld(files), latencyMs: 5 });
  let app: AppProcess | undefined;
  try {
    app = await startApp({ standIn, env: { WRAPUP_NOW: DEMO_NOW } });
    const replayed = await replay(app, standIn, files, log);
    return { results: collectDemoResults(standIn, replayed.dashboardBeforeApproval), writesOnResweep: replayed.writesOnResweep };
  } finally {
    await app?.stop();
    await standIn.close();
  }
}
