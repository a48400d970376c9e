import { graphql as octokitGraphql } from "@octokit/graphql";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { GithubError } from "../../src/github/errors.js";
import { createRequestQueue, queueGraphql, type GraphqlRequest, type RetryEvent } from "../../src/github/request-queue.js";
import { createWaitLimit } from "../../src/github/wait-limit.js";
import { expectGraphql, useNock, type GraphqlCall } from "../fixtures/graphql/github-mock.js";
import { rateLimitNode } from "../fixtures/graphql/nodes.js";

useNock();

const NOW = Date.parse("2026-11-21T15:00:00Z");
const QUERY = "query { viewer { login } rateLimit { cost remaining resetAt limit } }";
// The bare GraphQL client, without Octokit's plugins: this file tests the queue's own layer.
const raw = octokitGraphql.defaults({ headers: { authorization: "token t" } }) as GraphqlRequest;
const ok = (remaining = 4000, resetAt = "2026-11-21T16:00:00Z") => ({
  data: { viewer: { login: "ada" }, rateLimit: rateLimitNode({ remaining, resetAt }) },
});

beforeEach(() => {
    // shouldAdvanceTime: nock and fetch need their own zero-delay timers to fire.
  vi.useFakeTimers({ now: NOW, toFake: ["setTimeout", "clearTimeout", "Date"], shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
});

/** Lets the fake clock run `ms` and the promises it releases settle. */
const elapse = (ms: number) => vi.advanceTimersByTimeAsync(ms);

/** Waits (in real event-loop turns, not fake time) until `calls` holds `n` requests. */
async function sent(calls: GraphqlCall[], n: number): Promise<void> {
  await until(() => calls.length >= n);
  expect(calls).toHaveLength(n);
}

/** Polls `condition` in real event-loop turns (the fake clock only drifts with real time meanwhile). */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; !condition() && turn < 10_000; turn++) await new Promise((r) => setImmediate(r));
}

describe("request queue", () => {
  it("pauses a scope below the 10% reserve until resetAt", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => ok(499, "2026-11-21T15:30:00Z"), calls);
    expectGraphql(() => ok(), calls);
    const graphql = queueGraphql(raw, { scope: "install-1", queue: createRequestQueue() });
    await graphql(QUERY);
    const second = graphql(QUERY);
    await elapse(29 * 60_000);
    expect(calls).toHaveLength(1);
    await elapse(60_000);
    await expect(second).resolves.toMatchObject({ viewer: { login: "ada" } });
    expect(calls).toHaveLength(2);
  });

  it("does not pause while the budget stays above the reserve", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => ok(501), calls);
    expectGraphql(() => ok(), calls);
    const queue = createRequestQueue();
    const graphql = queueGraphql(raw, { scope: "install-1", queue });
    await graphql(QUERY);
    await graphql(QUERY);
    expect(queue.pausedUntil("install-1")).toBe(0);
  });

  it.each(["RATE_LIMITED", "RATE_LIMIT"])("waits for the reset and retries on a 200 with %s", async (type) => {
    const calls: GraphqlCall[] = [];
    const reset = String(NOW / 1000 + 600);
    expectGraphql(() => [200, { data: null, errors: [{ type, code: "graphql_rate_limit", message: "API rate limit exceeded" }] }, { "x-ratelimit-reset": reset }], calls);
    expectGraphql(() => ok(), calls);
    const result = queueGraphql(raw, { queue: createRequestQueue() })(QUERY);
    await sent(calls, 1);
    await elapse(599_000);
    expect(calls).toHaveLength(1);
    await elapse(1_000);
    await expect(result).resolves.toMatchObject({ viewer: { login: "ada" } });
  });

  it.each([
    ["with retry-after", { "retry-after": "30" }, 30_000],
    ["without retry-after", {}, 60_000],
  ])("pauses for a secondary limit %s, then retries", async (_name, headers, wait) => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => [403, { message: "You have exceeded a secondary rate limit. Please wait a few minutes." }, headers], calls);
    expectGraphql(() => ok(), calls);
    const queue = createRequestQueue();
    const result = queueGraphql(raw, { queue })(QUERY);
    await until(() => queue.pausedUntil("default") > 0);
    expect(queue.pausedUntil("default") - Date.now()).toBeGreaterThan(wait - 500);
    await elapse(wait - 1_000);
    expect(calls).toHaveLength(1);
    await elapse(1_000);
    await expect(result).resolves.toMatchObject({ viewer: { login: "ada" } });
  });

  it("treats a 200 carrying a secondary-limit message as a secondary limit", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => ({ data: null, errors: [{ message: "You have exceeded a secondary rate limit" }] }), calls);
    expectGraphql(() => ok(), calls);
    const queue = createRequestQueue();
    const result = queueGraphql(raw, { queue })(QUERY);
    await until(() => queue.pausedUntil("default") > 0);
    await elapse(59_000);
    expect(calls).toHaveLength(1);
    await elapse(1_000);
    await expect(result).resolves.toMatchObject({ viewer: { login: "ada" } });
  });

  it("retries a 502 after a bounded backoff, then gives up with kind 'server'", async () => {
    const calls: GraphqlCall[] = [];
    for (let i = 0; i < 3; i++) expectGraphql(() => [502, { message: "Bad Gateway" }], calls);
    const retries: RetryEvent[] = [];
    const queue = createRequestQueue({ serverBackoffMs: [10_000, 20_000], onRetry: (e) => retries.push(e) });
    const settled = queueGraphql(raw, { queue })(QUERY).catch((error: unknown) => error);
    await until(() => retries.length === 1);
    await elapse(9_000);
    expect(calls).toHaveLength(1);
    await elapse(1_500);
    await sent(calls, 2);
    await until(() => retries.length === 2);
    await elapse(20_500);
    const error = await settled;
    expect(error).toBeInstanceOf(GithubError);
    expect((error as GithubError).kind).toBe("server");
    expect(calls).toHaveLength(3);
  });
});

describe("request queue when GitHub is silent", () => {
  it("after a request got no answer through its retries, the scope's next ones fail at once for a while; other scopes ask", async () => {
    let asked = 0;
    let silent = true;
    const graphql: GraphqlRequest = async () => {
      asked += 1;
      if (silent) throw new GithubError("timeout", "GitHub did not answer within 30 s: POST https://api.github.com/graphql");
      return ok();
    };
    const queue = createRequestQueue({ serverBackoffMs: [1_000], silenceHoldMs: 60_000 });
    const scoped = queueGraphql(graphql, { scope: "install-1", queue });
    const first = scoped(QUERY).catch((error: unknown) => error);
    await elapse(1_500);
    expect(((await first) as GithubError).kind).toBe("timeout");
    expect(asked).toBe(2);
    // The next batches of the run: the same answer, without asking GitHub again.
    const next = await Promise.all([scoped(QUERY), scoped(QUERY)].map((p) => p.catch((error: unknown) => error)));
    expect(next.map((e) => (e as GithubError).message)).toEqual(Array(2).fill("GitHub did not answer within 30 s: POST https://api.github.com/graphql"));
    expect(asked).toBe(2);
    // Another installation is asked as usual.
    silent = false;
    await expect(queueGraphql(graphql, { scope: "install-2", queue })(QUERY)).resolves.toEqual(ok());
    expect(asked).toBe(3);
    // Once the hold is over, the scope asks again; an answer ends the silence.
    await elapse(60_000);
    await expect(scoped(QUERY)).resolves.toEqual(ok());
    expect(asked).toBe(4);
  });
});

describe("request queue: timed-out attempts within the silent budget", () => {
  it.each([
    // Each attempt waits 30 s for an answer: two fit 75 s (30 + 1 backoff + 30), a third would not.
    [75_000, 2],
    // A budget of one attempt: no retry at all.
    [30_000, 1],
    // Room for all three backoffs (30 + 1 + 30 + 2 + 30 + 4 + 30).
    [130_000, 4],
  ])("a budget of %i ms allows %i attempts of 30 s", async (silentBudgetMs, attempts) => {
    let asked = 0;
    const graphql: GraphqlRequest = async () => {
      asked += 1;
      await new Promise((resolve) => setTimeout(resolve, 30_000));
      throw new GithubError("timeout", "GitHub did not answer within 30 s: POST https://api.github.com/graphql");
    };
    const queue = createRequestQueue({ serverBackoffMs: [1_000, 2_000, 4_000], silentBudgetMs });
    const result = queueGraphql(graphql, { scope: "install-1", queue })(QUERY).catch((error: unknown) => error);
    await elapse(200_000);
    expect(((await result) as GithubError).kind).toBe("timeout");
    expect(asked).toBe(attempts);
  });
});

describe("request queue with a wait limit (the CLI's --max-wait)", () => {
  const limited = (reset: number) => () =>
    [200, { data: null, errors: [{ type: "RATE_LIMITED", message: "API rate limit exceeded" }] }, { "x-ratelimit-reset": String(reset / 1000) }] as [number, unknown, Record<string, string>];

  it("a reset past the limit fails the request at once, and the scope's next one without asking GitHub", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(limited(NOW + 3_600_000), calls);
    const waitLimit = createWaitLimit(60_000);
    const graphql = queueGraphql(raw, { scope: "token", queue: createRequestQueue({ waitLimit }) });
    const error = await graphql(QUERY).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "rate-limited", details: { resetAt: NOW + 3_600_000 } });
    expect(waitLimit.refused).toEqual({ limit: "GraphQL rate limit", until: NOW + 3_600_000 });
    await expect(graphql(QUERY)).rejects.toMatchObject({ kind: "rate-limited" });
    expect(calls).toHaveLength(1);
  });

  it("a reset within the limit is waited for, and told once however many requests wait", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(limited(NOW + 30_000), calls);
    expectGraphql(() => ok(), calls);
    expectGraphql(() => ok(), calls);
    const told: RetryEvent[] = [];
    const queue = createRequestQueue({ waitLimit: createWaitLimit(60_000), onRetry: (e) => told.push(e) });
    const graphql = queueGraphql(raw, { scope: "token", queue });
    const both = Promise.all([graphql(QUERY), graphql(QUERY)]);
    await sent(calls, 1);
    await until(() => told.length === 1);
    await elapse(30_000);
    await expect(both).resolves.toHaveLength(2);
    expect(told).toEqual([{ scope: "token", kind: "rate-limited", retryAt: NOW + 30_000 }]);
  });
});

describe("request queue concurrency", () => {
  it("runs one request at a time per scope and scopes side by side, under the global cap", async () => {
    const queue = createRequestQueue({ concurrency: 2 });
    const running = new Map<string, number>();
    let peak = 0;
    const peaks = new Map<string, number>();
    const task = (scope: string) => async () => {
      running.set(scope, (running.get(scope) ?? 0) + 1);
      peaks.set(scope, Math.max(peaks.get(scope) ?? 0, running.get(scope)!));
      peak = Math.max(peak, [...running.values()].reduce((a, b) => a + b, 0));
      await new Promise((resolve) => setTimeout(resolve, 100));
      running.set(scope, running.get(scope)! - 1);
    };
    const all = ["a", "a", "b", "b", "c", "c"].map((scope) => queue.run(scope, task(scope)));
    await elapse(1_000);
    await Promise.all(all);
    expect([...peaks.values()]).toEqual([1, 1, 1]);
    expect(peak).toBe(2);
  });

  it("spaces request starts within a scope when pacing is on", async () => {
    const queue = createRequestQueue({ pacingMs: 1_000 });
    const starts: number[] = [];
    const all = [1, 2, 3].map(() => queue.run("a", async () => void starts.push(Date.now())));
    await elapse(3_000);
    await Promise.all(all);
    expect(starts.map((t) => t - NOW)).toEqual([0, 1_000, 2_000]);
  });
});
