import { describe, expect, it } from "vitest";
import { createOctokit } from "../../src/github/client.js";
import { createRequestQueue } from "../../src/github/request-queue.js";
import { resolveLinks, type ResolveOptions } from "../../src/github/resolve-links.js";
import { StateCache } from "../../src/github/state-cache.js";
import { expectGraphql, silentLog, useNock, type GraphqlCall } from "../fixtures/graphql/github-mock.js";
import { issueLink, pullLink } from "../fixtures/graphql/links.js";
import { issueNode, pullNode, rateLimitNode } from "../fixtures/graphql/nodes.js";

useNock();

function options(cache: StateCache, extra: Partial<ResolveOptions> = {}): ResolveOptions {
  return { graphql: createOctokit({ token: "t", log: silentLog }).graphql, cache, queue: createRequestQueue(), ...extra };
}

const pullAnswer = (title: string) => () => ({ data: { l0: { pullRequest: pullNode(1, { title }) }, rateLimit: rateLimitNode() } });

describe("state cache", () => {
  it("answers a second resolve from the cache, and asks only for what it lacks", async () => {
    const cache = new StateCache();
    const calls: GraphqlCall[] = [];
    expectGraphql(pullAnswer("first"), calls);
    expectGraphql(() => ({ data: { l0: { issue: issueNode(2) }, rateLimit: rateLimitNode() } }), calls);
    await resolveLinks([pullLink(1)], options(cache));
    const { states, stats } = await resolveLinks([pullLink(1), issueLink(2)], options(cache));
    expect(stats).toMatchObject({ cacheHits: 1, graphqlRequests: 1 });
    expect(calls[1].query).not.toContain("pullRequest(number: 1)");
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ title: "first" });
  });

  it("asks again once the TTL has passed", async () => {
    let now = Date.parse("2026-11-21T15:00:00Z");
    const cache = new StateCache({ ttlMs: 60_000, now: () => now });
    expectGraphql(pullAnswer("first"));
    expectGraphql(pullAnswer("second"));
    await resolveLinks([pullLink(1)], options(cache));
    now += 59_000;
    expect((await resolveLinks([pullLink(1)], options(cache))).stats.cacheHits).toBe(1);
    now += 2_000;
    const { states, stats } = await resolveLinks([pullLink(1)], options(cache));
    expect(stats.cacheHits).toBe(0);
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ title: "second" });
  });

  it("asks GitHub despite a fresh entry when bypassCache is set, and keeps the new state", async () => {
    const cache = new StateCache();
    expectGraphql(pullAnswer("first"));
    expectGraphql(pullAnswer("refreshed"));
    await resolveLinks([pullLink(1)], options(cache));
    const { states, stats } = await resolveLinks([pullLink(1)], options(cache, { bypassCache: true }));
    expect(stats.cacheHits).toBe(0);
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ title: "refreshed" });
    const again = await resolveLinks([pullLink(1)], options(cache));
    expect(again.stats.cacheHits).toBe(1);
    expect(again.states.get("pull:acme/rocket#1")).toMatchObject({ title: "refreshed" });
  });

  it("lets concurrent callers asking for the same link share one request", async () => {
    const cache = new StateCache();
    const calls = expectGraphql(pullAnswer("shared"));
    const [a, b] = await Promise.all([resolveLinks([pullLink(1)], options(cache)), resolveLinks([pullLink(1)], options(cache))]);
    expect(calls).toHaveLength(1);
    expect(a.states.get("pull:acme/rocket#1")).toEqual(b.states.get("pull:acme/rocket#1"));
    expect(b.stats).toMatchObject({ cacheHits: 1, graphqlRequests: 0 });
  });

  it("keeps entries per scope, so one installation never sees another's states", async () => {
    const cache = new StateCache();
    const calls: GraphqlCall[] = [];
    expectGraphql(pullAnswer("seen by install 1"), calls);
    expectGraphql(() => ({ data: { l0: null, rateLimit: rateLimitNode() }, errors: [{ type: "NOT_FOUND", path: ["l0"], message: "Could not resolve to a Repository" }] }), calls);
    await resolveLinks([pullLink(1)], options(cache, { scope: "install-1" }));
    const { states } = await resolveLinks([pullLink(1)], options(cache, { scope: "install-2" }));
    expect(calls).toHaveLength(2);
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ status: "missing" });
  });

  it("does not keep transient errors", async () => {
    const cache = new StateCache();
    expectGraphql(() => [401, { message: "Bad credentials" }]);
    expectGraphql(pullAnswer("after"));
    await resolveLinks([pullLink(1)], options(cache));
    const { states } = await resolveLinks([pullLink(1)], options(cache));
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ status: "ok", title: "after" });
  });
});
