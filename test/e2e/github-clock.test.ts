/**
 * End to end with GitHub's clock 12 days behind the app's: creates GitHub applies and then fails
 * on (502) are looked up "since" a time on GitHub's clock (its `Date` header), so they are found
 * and never made twice.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, START_AT_ONCE, TRACKING_ISSUE, WRAPUP_PATH } from "./helpers/e2e-world.js";
import { botComments, followUpIssues } from "./helpers/inspect.js";
import { deliver, pushEvent, settle, waitFor } from "./helpers/webhooks.js";

const TWELVE_DAYS_MS = 12 * 86_400_000;

describe("GitHub's clock 12 days behind the app's", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld({ config: START_AT_ONCE }), clockOffsetMs: -TWELVE_DAYS_MS });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("a create applied then failed (502) is found by its look-up: exactly one follow-up, one reminder", async () => {
    // Every create of this sweep (follow-up issue, tracking reminder, dashboard) lands and answers 502.
    standIn.faults.applyThenFail(3, (r) => r.method === "POST" && /\/issues(\/\d+\/comments)?$/.test(r.route));
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => app.countLogs("sweep done") > 0, 30_000, () => `the end of the sweep\n${app.notableLogs()}`);
    await settle(standIn, 1_000);
    expect(standIn.requests.filter((r) => r.fault === "applied").length).toBeGreaterThanOrEqual(2);
    const issues = followUpIssues(standIn, HACKATHON);
    expect(issues.map((i) => i.title), app.notableLogs()).toHaveLength(1);
    // GitHub stamped it on its own clock, 12 days before the app's.
    expect(Date.now() - Date.parse(issues[0]!.createdAt)).toBeGreaterThan(TWELVE_DAYS_MS - 60_000);
    expect(botComments(standIn, TRACKING_ISSUE.repo, TRACKING_ISSUE.number)).toHaveLength(1);
  }, 60_000);
});
