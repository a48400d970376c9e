import { describe, expect, it } from "vitest";
import { toGithubError, type GithubErrorKind } from "../../src/github/errors.js";

const withResponse = (status: number, message: string, headers: Record<string, string> = {}, data?: unknown) =>
  Object.assign(new Error(message), { status, response: { status, headers, data } });
const graphqlError = (errors: object[], data: unknown = null, headers: Record<string, string> = {}) =>
  Object.assign(new Error("Request failed due to following response errors"), { errors, data, headers });

describe("toGithubError", () => {
  it.each<[string, unknown, GithubErrorKind]>([
    ["RATE_LIMITED on a 200", graphqlError([{ type: "RATE_LIMITED", message: "API rate limit exceeded" }]), "rate-limited"],
    ["RATE_LIMIT (graphql_rate_limit) on a 200", graphqlError([{ type: "RATE_LIMIT", code: "graphql_rate_limit", message: "limit" }]), "rate-limited"],
    ["plugin-throttling's GraphQL error", Object.assign(new Error("GraphQL Rate Limit Exceeded"), { data: { errors: [{ type: "RATE_LIMITED" }] } }), "rate-limited"],
    ["403 with remaining 0", withResponse(403, "API rate limit exceeded for installation", { "x-ratelimit-remaining": "0" }), "rate-limited"],
    ["403 secondary message", withResponse(403, "You have exceeded a secondary rate limit"), "secondary-rate-limited"],
    ["429 with retry-after", withResponse(429, "Too many requests", { "retry-after": "5" }), "secondary-rate-limited"],
    ["200 secondary message", graphqlError([{ message: "You have exceeded a secondary rate limit" }]), "secondary-rate-limited"],
    ["something went wrong", graphqlError([{ message: "Something went wrong while executing your query." }]), "query-too-large"],
    ["502 couldn't respond in time", withResponse(502, "We couldn't respond to your request in time."), "query-too-large"],
    ["502", withResponse(502, "Bad Gateway"), "server"],
    ["network", Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }), "server"],
    ["401", withResponse(401, "Bad credentials"), "unauthorized"],
    ["403", withResponse(403, "Resource not accessible by integration"), "forbidden"],
    ["404", withResponse(404, "Not Found"), "not-found"],
    ["partial data", graphqlError([{ type: "NOT_FOUND", path: ["l1"], message: "Could not resolve" }], { l0: {} }), "partial"],
    ["invalid query", graphqlError([{ message: "Field 'x' doesn't exist on type 'Query'" }]), "failed"],
  ])("%s → %s", (_name, raw, kind) => {
    expect(toGithubError(raw).kind).toBe(kind);
  });

  it("keeps retry-after, the reset time and partial data", () => {
    const error = toGithubError(withResponse(403, "secondary rate limit", { "retry-after": "30", "x-ratelimit-reset": "1800000000" }));
    expect(error.details).toMatchObject({ retryAfterSeconds: 30, resetAt: 1_800_000_000_000 });
    const partial = toGithubError(graphqlError([{ type: "NOT_FOUND", path: ["l1"] }], { l0: { ok: true } }));
    expect(partial.details.data).toEqual({ l0: { ok: true } });
    expect(partial.details.errors?.[0].path).toEqual(["l1"]);
  });
});
