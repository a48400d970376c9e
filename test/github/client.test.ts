import nock from "nock";
import { describe, expect, it } from "vitest";
import { AppOctokit, createOctokit, graphqlUrlFor } from "../../src/github/client.js";
import { GithubError } from "../../src/github/errors.js";
import { createRequestQueue, queueGraphql } from "../../src/github/request-queue.js";
import { expectGraphql, silentLog, useNock, type GraphqlCall } from "../fixtures/graphql/github-mock.js";
import { rateLimitNode } from "../fixtures/graphql/nodes.js";

useNock();

const QUERY = "query { viewer { login } }";
const SECONDARY = { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again." };

describe("graphqlUrlFor", () => {
  it.each([
    ["https://api.github.com", "https://api.github.com/graphql"],
    ["https://api.github.com/", "https://api.github.com/graphql"],
    ["http://ghe.local/api/v3", "http://ghe.local/api/graphql"],
    ["http://ghe.local/api/v3/", "http://ghe.local/api/graphql"],
    ["http://localhost:3000", "http://localhost:3000/graphql"],
  ])("%s → %s", (apiUrl, expected) => {
    expect(graphqlUrlFor(apiUrl)).toBe(expected);
  });
});

describe("createOctokit", () => {
  it.each([
    ["http://ghe.local/api/v3", "http://ghe.local", "/api/graphql"],
    ["http://stand-in.local:8080", "http://stand-in.local:8080", "/graphql"],
  ])("sends GraphQL for %s to the URL graphqlUrlFor derives", async (apiUrl, origin, path) => {
    expect(graphqlUrlFor(apiUrl)).toBe(`${origin}${path}`);
    const calls = expectGraphql(() => ({ data: { viewer: { login: "ada" } } }), [], origin, path);
    const octokit = createOctokit({ token: "t", apiUrl, log: silentLog });
    await expect(octokit.graphql(QUERY)).resolves.toEqual({ viewer: { login: "ada" } });
    expect(calls).toHaveLength(1);
  });

  it("does not resend a 'Something went wrong' query (the resolver splits it instead)", async () => {
    expectGraphql(() => ({ data: null, errors: [{ message: "Something went wrong while executing your query." }] }));
    const octokit = createOctokit({ token: "t", log: silentLog });
    const graphql = queueGraphql(octokit.graphql, { queue: createRequestQueue() });
    const error = await graphql(QUERY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GithubError);
    expect((error as GithubError).kind).toBe("query-too-large");
  });

  it("leaves a GraphQL secondary limit to the queue, which waits retry-after and retries once", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => [403, SECONDARY, { "retry-after": "1" }], calls);
    expectGraphql(() => ({ data: { viewer: { login: "ada" }, rateLimit: rateLimitNode() } }), calls);
    const octokit = createOctokit({ token: "t", log: silentLog });
    const started = Date.now();
    await expect(queueGraphql(octokit.graphql, { queue: createRequestQueue() })(QUERY)).resolves.toMatchObject({ viewer: { login: "ada" } });
    expect(calls).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries a REST secondary limit in the throttling plugin", async () => {
    nock("https://api.github.com").get("/repos/acme/rocket").reply(403, SECONDARY, { "retry-after": "1" });
    nock("https://api.github.com").get("/repos/acme/rocket").reply(200, { full_name: "acme/rocket" });
    const octokit = createOctokit({ token: "t", log: silentLog });
    const { data } = await octokit.rest.repos.get({ owner: "acme", repo: "rocket" });
    expect(data.full_name).toBe("acme/rocket");
  });
});

describe("AppOctokit", () => {
  it("keeps retrying REST secondary limits when Probot layers its own non-retrying handlers on top", async () => {
    // What Probot's getProbotOctokitWithDefaults does with the class it is given.
    const probotThrottle = { onSecondaryRateLimit: () => false, onRateLimit: () => false };
    const AsProbotBuildsIt = AppOctokit.defaults((instance: Record<string, unknown>) => ({ ...instance, throttle: probotThrottle }));
    nock("https://api.github.com").get("/repos/acme/rocket").reply(403, SECONDARY, { "retry-after": "1" });
    nock("https://api.github.com").get("/repos/acme/rocket").reply(200, { full_name: "acme/rocket" });
    const octokit = new AsProbotBuildsIt({ auth: { token: "t" }, log: silentLog });
    const { data } = await octokit.request("GET /repos/{owner}/{repo}", { owner: "acme", repo: "rocket" });
    expect(data.full_name).toBe("acme/rocket");
  });
});
