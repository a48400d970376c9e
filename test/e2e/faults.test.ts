/**
 * End to end under GitHub's bad days: 502s, a secondary limit with retry-after, and the GraphQL
 * point budget running dry mid-sweep (reset a few seconds later). Each time the sweep must finish
 * after waiting, with nothing lost and nothing duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn, type World } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, START_AT_ONCE, TRACKING_ISSUE, WRAPUP_PATH } from "./helpers/e2e-world.js";
import { BOT, botComments, followUpIssues, writesSince } from "./helpers/inspect.js";
import { deliver, pushEvent, waitFor } from "./helpers/webhooks.js";

/** Removes what the app wrote, so the next sweep has the same work to do again. */
function forgetBotWrites(world: World): void {
  for (const repo of Object.values(world.repos)) {
    for (const [number, issue] of Object.entries(repo.issues)) if (issue.author === BOT) delete repo.issues[Number(number)];
    for (const item of [...Object.values(repo.issues), ...Object.values(repo.pulls)]) item.comments = item.comments.filter((c) => c.author !== BOT);
  }
}

describe("sweep under faults", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld({ config: START_AT_ONCE }), latencyMs: 20 });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  /** Sweeps once via a push; resolves with the requests it made, after checking it wrote exactly its two writes. */
  async function sweepOnce() {
    forgetBotWrites(standIn.world);
    const mark = standIn.requests.length;
    const sweeps = app.countLogs("sweep done");
    const status = await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID));
    expect(status).toBeLessThan(300);
    // Probot answers when the handler is done (its summary log line follows within moments), or 202
    // after 9 s while it goes on. Only after that line is counting writes final.
    const wait = status === 202 ? 25_000 : 3_000;
    await waitFor(() => app.countLogs("sweep done") > sweeps, wait, () => `the end of the sweep\n${app.notableLogs()}`);
    expect(followUpIssues(standIn, HACKATHON).map((i) => i.title), app.notableLogs()).toHaveLength(1);
    expect(botComments(standIn, TRACKING_ISSUE.repo, TRACKING_ISSUE.number)).toHaveLength(1);
    return standIn.requests.slice(mark);
  }

  const repoRequests = (r: { route: string }) => r.route.startsWith("/repos/");

  it("502s: retried, then completes once", async () => {
    // Two different requests fail once each (a run of 502s on one request only adds Probot's backoff).
    standIn.faults.fail502(1, (r) => r.route.includes("/contents/")).fail502(1, (r) => r.route.includes("/git/trees/"));
    const seen = await sweepOnce();
    expect(seen.filter((r) => r.fault === "status")).toHaveLength(2);
  }, 30_000);

  it("a secondary limit with retry-after on a write (where GitHub applies them): waits, then completes once", async () => {
    standIn.faults.secondaryLimit(1, 1, (r) => r.method === "POST" && repoRequests(r));
    const seen = await sweepOnce();
    const limited = seen.findIndex((r) => r.fault === "secondary");
    expect(limited).toBeGreaterThanOrEqual(0);
    const next = seen.slice(limited + 1).find((r) => r.route === seen[limited]!.route);
    expect(next && next.at - seen[limited]!.at).toBeGreaterThanOrEqual(900);
  }, 30_000);

  it("a secondary limit with retry-after on a read (the config file): waits, then completes once", async () => {
    standIn.faults.secondaryLimit(1, 1, (r) => r.method === "GET" && r.route.includes("/contents/"));
    const seen = await sweepOnce();
    const limited = seen.findIndex((r) => r.fault === "secondary");
    expect(limited).toBeGreaterThanOrEqual(0);
    // Retried, and read: this world has a config file (followUp.approval: none).
    expect(seen.slice(limited + 1).some((r) => r.route === seen[limited]!.route && r.status === 200)).toBe(true);
  }, 30_000);

  it("the point budget exhausted mid-sweep: waits for the reset, then completes once", async () => {
    // An edited wrap-up (a new blob) is read again: the sweep's first GraphQL request hits the empty budget.
    const files = standIn.world.repos[HACKATHON.toLowerCase()]!.files;
    const branch = standIn.world.repos[HACKATHON.toLowerCase()]!.defaultBranch;
    files[branch]![WRAPUP_PATH] += "\n";
    standIn.faults.exhaustPointsAfter(0, 3);
    const waitsLogged = app.countLogs("GitHub limit or failure: waiting, then retrying");
    const seen = await sweepOnce();
    // The wait is told in the log, once, with the reset time, so an operator does not mistake it for a hang.
    expect(app.countLogs("GitHub limit or failure: waiting, then retrying")).toBe(waitsLogged + 1);
    expect(app.output()).toMatch(/"kind":"rate-limited","retryAt":"\d{4}-\d\d-\d\dT[\d:.]+Z"/);
    const limited = seen.findIndex((r) => r.graphqlErrors?.includes("RATE_LIMITED"));
    expect(limited).toBeGreaterThanOrEqual(0);
    // GraphQL waited for the reset instead of hammering the endpoint.
    const retried = seen.slice(limited + 1).find((r) => r.route === "graphql");
    expect(retried && retried.at - seen[limited]!.at).toBeGreaterThanOrEqual(2_000);
    expect(seen.filter((r) => r.graphqlErrors?.includes("RATE_LIMITED")).length).toBeLessThanOrEqual(2);
  }, 30_000);

  it("a sweep after the storm writes nothing", async () => {
    const mark = standIn.requests.length;
    const sweeps = app.countLogs("sweep done");
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => app.countLogs("sweep done") > sweeps, 25_000, "the end of the sweep");
    expect(writesSince(standIn, mark)).toEqual([]);
  }, 30_000);
});
