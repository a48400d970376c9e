/**
 * End to end, as a new user: the app installed with no configuration on a documentation repository
 * of ~1,000 markdown files holding 12 wrap-ups from 2021 to 2026. The first sweep writes only the
 * dashboard; ticking its box (an `issues.edited` delivery) starts follow-ups at once, for recent
 * events only, and never where GitHub would refuse; unticking pauses them; a sweep with nothing
 * new writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn, type WorldIssue } from "../../dev/github-stand-in/index.js";
import { parseFollowUpMarker } from "../../src/render/marker.js";
import { hasDashboardMarker, readStartBox } from "../../src/render/dashboard-marker.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { BOT, botComments, botIssues, writesSince } from "./helpers/inspect.js";
import {
  buildOnboardingWorld, DOCS, EVENT_DATES, LATE_TOPIC, MAINTAINER, mayWrapUpWith, ONBOARDING_INSTALLATION, ONBOARDING_NOW,
  REACHABLE_TRACKING, RECENT_TOPICS, wrapUpPath,
} from "./helpers/onboarding-world.js";
import { deliver, issueEditedEvent, pushEvent, waitFor } from "./helpers/webhooks.js";

const RECENT_PATHS = [wrapUpPath("2026-01-20"), wrapUpPath("2026-05-12")];

describe("onboarding a repository with years of wrap-ups", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildOnboardingWorld() });
    app = await startApp({ standIn, env: { WRAPUP_NOW: ONBOARDING_NOW } });
  }, 30_000);
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  const dashboard = (): WorldIssue => {
    const found = botIssues(standIn, DOCS).filter((i) => hasDashboardMarker(i.body));
    expect(found, app.notableLogs()).toHaveLength(1);
    return found[0]!;
  };
  const followUps = () => botIssues(standIn, DOCS).filter((i) => parseFollowUpMarker(i.body) !== null);
  const refusedWrites = () => standIn.requests.filter((r) => r.method !== "GET" && r.status === 403);

  /** Delivers an event that sweeps, and waits for the sweep's summary line. */
  async function sweepAfter(delivery: Parameters<typeof deliver>[1]): Promise<number> {
    const mark = standIn.requests.length;
    const sweeps = app.countLogs("sweep done");
    expect(await deliver(app, delivery)).toBeLessThan(300);
    await waitFor(() => app.countLogs("sweep done") > sweeps, 60_000, () => `the end of the sweep\n${app.notableLogs()}`);
    return mark;
  }

  const push = () => pushEvent(standIn.world, DOCS, [wrapUpPath("2026-05-12")], ONBOARDING_INSTALLATION);
  const setBox = (ticked: boolean) =>
    issueEditedEvent(standIn.world, DOCS, dashboard().number, dashboard().body.replace(/- \[[ x]\] (<!-- wrapup-tracker:start-following-up -->)/, `- [${ticked ? "x" : " "}] $1`), MAINTAINER, ONBOARDING_INSTALLATION);

  it("the first sweep opens exactly one issue, the dashboard: all 12 events, a chart, the unticked box", async () => {
    const mark = await sweepAfter(push());
    const writes = writesSince(standIn, mark);
    expect(writes.map((w) => `${w.method} ${w.route}`), app.notableLogs()).toEqual([`POST /repos/${DOCS}/issues`]);
    const body = dashboard().body;
    expect(dashboard().title).toBe("Wrap-up dashboard");
    for (const date of EVENT_DATES) expect(body, date).toContain(`| ${date} |`);
    expect(body).toContain("```mermaid");
    expect(readStartBox(body)).toBe(false);
    expect(body).toContain("It would open **3 follow-up issues** and remind on **1 tracking issue**");
    expect(refusedWrites()).toEqual([]);
  }, 90_000);

  it("a second sweep over the unchanged repository writes nothing: the dashboard still says nothing is followed up yet", async () => {
    const before = dashboard().body;
    const writes = standIn.writes().length;
    const mark = await sweepAfter(push());
    expect(writesSince(standIn, mark), app.notableLogs()).toEqual([]);
    expect(standIn.writes()).toHaveLength(writes);
    expect(dashboard().body).toBe(before);
    expect(before).toContain("**Nothing is followed up yet.**");
  }, 90_000);

  it("the dashboard says the horizon once, and what it holds back and which key moves it", () => {
    const body = dashboard().body;
    expect(body.match(/older than the horizon/g)).toHaveLength(1);
    // 9 old events, each with one stalled topic (the 11/2025 one continues in 05/2026, and still counts as held back).
    expect(body).toMatch(/\*\*\d+ stalled topics\*\* get no follow-up because their events are older than the horizon of 180 days\. To follow them up, raise `followUp\.maxEventAgeDays`/);
    expect(body).toMatch(/<details>\n<summary>10 older events, without follow-ups/);
  });

  it("ticking the box starts follow-ups at once, only for events of the last 180 days, never where GitHub would refuse", async () => {
    await sweepAfter(setBox(true));
    const opened = followUps();
    expect(opened.map((i) => parseFollowUpMarker(i.body)!.path).every((path) => RECENT_PATHS.includes(path)), app.notableLogs()).toBe(true);
    expect(opened.map((i) => i.title).sort()).toEqual(
      [RECENT_TOPICS.loadBalancing, RECENT_TOPICS.linkChecker, RECENT_TOPICS.offline].map((t) => expect.stringContaining(t)),
    );
    expect(opened.find((i) => i.title.includes(RECENT_TOPICS.offline))!.body).toContain("Tracked in [docs/engine\\#8810]");
    expect(botComments(standIn, REACHABLE_TRACKING.repo, REACHABLE_TRACKING.number)).toHaveLength(1);
    expect(refusedWrites()).toEqual([]);
    expect(standIn.writes().filter((w) => w.route.startsWith("/repos/docs/engine/"))).toEqual([]);
    expect(readStartBox(dashboard().body)).toBe(true);
    expect(dashboard().body).toContain("**3 follow-up issues** open, reminders on **1 tracking issue**");
  }, 90_000);

  it("unticking pauses: a stalled topic added meanwhile gets nothing until the box is ticked again", async () => {
    const repo = standIn.world.repos[DOCS]!;
    repo.files[repo.defaultBranch] = { ...repo.files[repo.defaultBranch], [wrapUpPath("2026-05-12")]: mayWrapUpWith(LATE_TOPIC) };
    const paused = await sweepAfter(setBox(false));
    expect(writesSince(standIn, paused).map((w) => `${w.method} ${w.route}`)).toEqual([`PATCH /repos/${DOCS}/issues/${dashboard().number}`]);
    expect(dashboard().body).toContain("It would open **1 follow-up issue**");
    const ticked = await sweepAfter(setBox(true));
    const created = writesSince(standIn, ticked).filter((w) => w.method === "POST");
    expect(created.map((w) => (w.body as { title?: string }).title)).toEqual([expect.stringContaining("Broken Anchor Report")]);
    expect(refusedWrites()).toEqual([]);
  }, 120_000);

  it("once all are open, the next sweep writes nothing, and nothing was ever written but as the app", async () => {
    const mark = await sweepAfter(push());
    expect(writesSince(standIn, mark)).toEqual([]);
    expect(standIn.writes().filter((w) => w.actor !== BOT)).toEqual([]);
    expect(refusedWrites()).toEqual([]);
  }, 90_000);
});
