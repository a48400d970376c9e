/**
 * End to end under GitHub's bad days: 502s, a secondary limit with retry-after, and the GraphQL
 * point budget running dry mid-sweep (reset a few seconds later). The sweep must finish after
 * waiting, with nothing lost and nothing duplicated.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, TRACKING_ISSUE, WRAPUP_PATH } from "./helpers/e2e-world.js";
import { botComments, botIssues, writesSince } from "./helpers/inspect.js";
import { deliver, pushEvent, waitFor } from "./helpers/webhooks.js";

describe("sweep under faults", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld(), latencyMs: 20 });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("completes after 502s, a secondary limit and an exhausted point budget — once", async () => {
    const mark = standIn.requests.length;
    standIn.faults
      .fail502(2, (r) => r.route.startsWith("/repos/"))
      .secondaryLimit(1, 1, (r) => r.route.startsWith("/repos/"))
      .exhaustPointsAfter(1, 3);
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => botIssues(standIn, HACKATHON).length > 0 && botComments(standIn, TRACKING_ISSUE.repo, TRACKING_ISSUE.number).length > 0, 40_000, "the follow-up and the reminder");
    const seen = standIn.requests.slice(mark);
    expect(seen.filter((r) => r.fault === "status"), app.output()).toHaveLength(2);
    expect(seen.filter((r) => r.fault === "secondary")).toHaveLength(1);
    const limited = seen.findIndex((r) => r.graphqlErrors?.includes("RATE_LIMITED"));
    expect(limited).toBeGreaterThanOrEqual(0);
    // After the limit, GraphQL waited for the reset (3 s) instead of hammering the endpoint.
    const retried = seen.slice(limited + 1).find((r) => r.route === "graphql");
    expect(retried && retried.at - seen[limited]!.at).toBeGreaterThanOrEqual(2_500);
    expect(seen.filter((r) => r.route === "graphql" && r.graphqlErrors?.includes("RATE_LIMITED")).length).toBeLessThanOrEqual(2);
    expect(botIssues(standIn, HACKATHON)).toHaveLength(1);
    expect(botComments(standIn, TRACKING_ISSUE.repo, TRACKING_ISSUE.number)).toHaveLength(1);
  }, 50_000);

  it("a sweep after the storm writes nothing", async () => {
    const mark = standIn.requests.length;
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    expect(writesSince(standIn, mark)).toEqual([]);
  }, 30_000);
});
