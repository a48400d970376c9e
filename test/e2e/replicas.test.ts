/**
 * Two real server processes sharing one stand-in and one real Redis (`REDIS_URL`): what a hosted
 * app behind a load balancer does. Needs `npm run build` first and `redis-server` (`.ci/run`).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startRedisServer, type RedisServer } from "../helpers/redis-server.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, SECOND_PR, WRAPUP_PR, WRITER } from "./helpers/e2e-world.js";
import { BOT, reactionsBy, statusComments, threadOf } from "./helpers/inspect.js";
import { logsOf, seriesValue } from "./helpers/replicas.js";
import { deliver, issueCommentEvent, pullRequestEvent, settle, waitFor } from "./helpers/webhooks.js";

describe("two replicas, one Redis: deliveries and /refresh", () => {
  let redis: RedisServer;
  let standIn: StandIn;
  let replicas: AppProcess[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    standIn = await startStandIn({ world: buildE2eWorld() });
    replicas = await Promise.all([0, 1].map(() => startApp({ standIn, env: { WRAPUP_NOW: NOW, REDIS_URL: redis.url } })));
  });
  afterAll(async () => {
    await Promise.all(replicas.map((app) => app.stop()));
    await standIn?.close();
    await redis?.stop();
  });

  const logs = () => replicas.map((app) => app.notableLogs()).join("\n");

  it("10 concurrent deliveries for a new wrap-up PR, spread over both, give exactly 1 status comment", async () => {
    const event = pullRequestEvent(standIn.world, HACKATHON, SECOND_PR, "opened", INSTALLATION_ID);
    const started = Date.now();
    const statuses = await Promise.all(Array.from({ length: 10 }, (_, i) => deliver(replicas[i % 2]!, event)));
    expect(statuses.every((s) => s < 300)).toBe(true);
    await waitFor(() => statusComments(standIn, HACKATHON, SECOND_PR).length > 0, 30_000, "the status comment");
    await settle(standIn, 3500);
    console.log(`10 deliveries over 2 replicas: ${Date.now() - started} ms`);
    expect(statusComments(standIn, HACKATHON, SECOND_PR), logs()).toHaveLength(1);
    const creates = standIn.writes().filter((w) => w.method === "POST" && w.route === `/repos/${HACKATHON}/issues/${SECOND_PR}/comments`);
    expect(creates).toHaveLength(1);
    // Both replicas did handle deliveries: the lock, not the load balancer, kept it to one comment.
    for (const app of replicas) expect(logsOf(app, "wrap-up pull request checked").length, app.notableLogs()).toBeGreaterThan(0);
  }, 90_000);

  it("two simultaneous /refresh on one PR, one per replica, run one refresh", async () => {
    // The PR's first status comment, so the refresh has something to update.
    expect(await deliver(replicas[0]!, pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "opened", INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => statusComments(standIn, HACKATHON, WRAPUP_PR).length > 0, 30_000, "the first status comment");
    const commands = [0, 1].map(() => issueCommentEvent(standIn.world, HACKATHON, WRAPUP_PR, WRITER, "/refresh", INSTALLATION_ID));
    const ids = commands.map((c) => (c.payload.comment as { id: number }).id);
    const statuses = await Promise.all(commands.map((command, i) => deliver(replicas[i]!, command)));
    expect(statuses.every((s) => s < 300)).toBe(true);
    await settle(standIn, 2000);
    const thread = threadOf(standIn, HACKATHON, WRAPUP_PR);
    const reactions = ids.map((id) => reactionsBy(thread.find((c) => c.id === id), BOT));
    expect(reactions.filter((r) => r.join() === "eyes,rocket"), logs()).toHaveLength(1);
    expect(reactions.filter((r) => r.length === 0)).toHaveLength(1);
    const cooldownReplies = thread.filter((c) => c.author === BOT && c.body.includes("Refreshed moments ago"));
    expect(cooldownReplies).toHaveLength(1);
    const outcomes = replicas.flatMap((app) => logsOf(app, "/refresh handled").map((l) => l.outcome));
    expect(outcomes.sort()).toEqual(["cooldown", "refreshed"]);
    expect(statusComments(standIn, HACKATHON, WRAPUP_PR)).toHaveLength(1);
  }, 60_000);

  it("serves /metrics: Prometheus text with the app's own series, all prefixed wrapup_tracker_", async () => {
    const texts = await Promise.all(replicas.map(async (app) => {
      const response = await fetch(`${app.url}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      return response.text();
    }));
    const handled = texts.reduce((sum, text) => sum + seriesValue(text, 'wrapup_tracker_deliveries_total{event="pull_request",outcome="handled"}'), 0);
    expect(handled).toBe(11);
    for (const text of texts) {
      const names = text.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/[{ ]/)[0]!);
      expect(names.filter((n) => !n.startsWith("wrapup_tracker_"))).toEqual([]);
      expect(seriesValue(text, 'wrapup_tracker_lock_wait_seconds_count{lock="thread"}')).toBeGreaterThan(0);
      expect(seriesValue(text, 'wrapup_tracker_graphql_requests_total{outcome="ok"}')).toBeGreaterThan(0);
      expect(seriesValue(text, "wrapup_tracker_graphql_points_total")).toBeGreaterThan(0);
      expect(text).toMatch(new RegExp(`wrapup_tracker_rate_limit_remaining\\{installation="${INSTALLATION_ID}",resource="(core|graphql)"\\} \\d+`));
      expect(text).toContain("wrapup_tracker_state_cache_lookups_total");
      expect(text).toContain("wrapup_tracker_process_cpu_seconds_total");
    }
    const comments = texts.reduce((sum, text) => sum + seriesValue(text, 'wrapup_tracker_github_writes_total{method="POST",route="/repos/{owner}/{repo}/issues/{issue_number}/comments",outcome="ok"}'), 0);
    // Two status comments (one per PR) and one cooldown reply.
    expect(comments).toBe(3);
    // Probot's throttling is shared through the same Redis (Bottleneck's keys), besides our own.
    const keys = await redis.client.keys("*");
    expect(keys.filter((k) => k.startsWith("b_octokit-")).length, keys.join(" ")).toBeGreaterThan(0);
    expect(keys.filter((k) => k.startsWith("wrapup-tracker:state:")).length).toBeGreaterThan(0);
    // /health stays.
    expect(await fetch(`${replicas[0]!.url}/health`).then((r) => r.json())).toEqual({ status: "ok" });
  });
});
