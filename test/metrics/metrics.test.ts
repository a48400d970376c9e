/** The app's series: counted at the Octokit and request-queue seams, rendered as Prometheus text. */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { GithubError } from "../../src/github/errors.js";
import { createRequestQueue } from "../../src/github/request-queue.js";
import { meterRequestQueue } from "../../src/metrics/metered-queue.js";
import { collectProcessMetrics, renderMetrics } from "../../src/metrics/metrics.js";
import { octokitMetrics } from "../../src/metrics/octokit-metrics.js";
import { timeLockWaits } from "../../src/metrics/lock-metrics.js";
import { createKeyedLock } from "../../src/writes/keyed-lock.js";
import { github, useNock } from "../handlers/nock-github.js";
import { INSTALLATION_ID } from "../fixtures/events/webhook-events.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });

async function series(name: string): Promise<number> {
  const { body } = await renderMetrics();
  const line = body.split("\n").find((l) => l.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : 0;
}

describe("metrics", () => {
  useNock();

  it("counts REST writes by route and outcome and keeps each installation's rate-limit remaining", async () => {
    const probot = new Probot({
      appId: 1,
      privateKey,
      logLevel: "fatal",
      Octokit: ProbotOctokit.plugin(octokitMetrics).defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    });
    const octokit = await probot.auth(INSTALLATION_ID);
    const limits = (remaining: number, resource = "core") => ({ "x-ratelimit-remaining": String(remaining), "x-ratelimit-resource": resource });
    github().get("/repos/acme/hackathon/issues/1/comments").reply(200, [], limits(4_990));
    github().post("/repos/acme/hackathon/issues/1/comments").reply(201, { id: 7 }, limits(4_989));
    github().post("/repos/acme/hackathon/issues/2/comments").reply(422, { message: "Validation Failed" }, limits(4_988));
    github().post("/graphql").reply(200, { data: {} }, limits(4_900, "graphql"));
    await octokit.rest.issues.listComments({ owner: "acme", repo: "hackathon", issue_number: 1 });
    await octokit.rest.issues.createComment({ owner: "acme", repo: "hackathon", issue_number: 1, body: "hi" });
    await expect(octokit.rest.issues.createComment({ owner: "acme", repo: "hackathon", issue_number: 2, body: "hi" })).rejects.toThrow();
    await octokit.graphql("query { viewer { login } }");
    const route = 'route="/repos/{owner}/{repo}/issues/{issue_number}/comments"';
    expect(await series(`wrapup_tracker_github_writes_total{method="POST",${route},outcome="ok"}`)).toBe(1);
    expect(await series(`wrapup_tracker_github_writes_total{method="POST",${route},outcome="failed"}`)).toBe(1);
    const { body } = await renderMetrics();
    // Reads, GraphQL and the installation token are not writes.
    expect(body).not.toMatch(/github_writes_total\{method="GET"|access_tokens|route="\/graphql"/);
    expect(await series(`wrapup_tracker_rate_limit_remaining{installation="${INSTALLATION_ID}",resource="core"}`)).toBe(4_988);
    expect(await series(`wrapup_tracker_rate_limit_remaining{installation="${INSTALLATION_ID}",resource="graphql"}`)).toBe(4_900);
  });

  it("counts GraphQL requests once with their retries, by outcome, and the points GitHub charged", async () => {
    const queue = meterRequestQueue(createRequestQueue({ serverBackoffMs: [1] }));
    let attempts = 0;
    await queue.run("31", async () => {
      attempts += 1;
      if (attempts === 1) throw new GithubError("server", "502");
      return "data";
    });
    await expect(queue.run("31", async () => Promise.reject(new GithubError("failed", "Bad credentials")))).rejects.toThrow();
    queue.noteRateLimit("31", { cost: 3, remaining: 4_000, limit: 5_000, resetAt: Date.now() + 60_000 });
    queue.noteRateLimit("31", undefined);
    expect(attempts).toBe(2);
    expect(await series('wrapup_tracker_graphql_requests_total{outcome="ok"}')).toBe(1);
    expect(await series('wrapup_tracker_graphql_requests_total{outcome="failed"}')).toBe(1);
    expect(await series("wrapup_tracker_graphql_points_total")).toBe(3);
  });

  it("times lock waits per lock", async () => {
    const lock = createKeyedLock();
    const timed = timeLockWaits(() => lock)("thread");
    let release!: () => void;
    const first = timed("acme/x#1", () => new Promise<void>((resolve) => (release = resolve)));
    const second = timed("acme/x#1", async () => undefined);
    await new Promise((resolve) => setTimeout(resolve, 30));
    release();
    await Promise.all([first, second]);
    expect(await series('wrapup_tracker_lock_wait_seconds_count{lock="thread"}')).toBe(2);
    expect(await series('wrapup_tracker_lock_wait_seconds_sum{lock="thread"}')).toBeGreaterThanOrEqual(0.025);
  });

  it("renders Prometheus text in which every series is prefixed wrapup_tracker_", async () => {
    collectProcessMetrics();
    const { contentType, body } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    const names = body.split("\n").filter((l) => l && !l.startsWith("#")).map((l) => l.split(/[{ ]/)[0]!);
    expect(names.length).toBeGreaterThan(10);
    expect(names.filter((n) => !n.startsWith("wrapup_tracker_"))).toEqual([]);
    expect(body).toContain("# HELP wrapup_tracker_deliveries_total");
    expect(body).toContain("wrapup_tracker_process_resident_memory_bytes");
  });
});
