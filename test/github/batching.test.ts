import { describe, expect, it } from "vitest";
import { createOctokit } from "../../src/github/client.js";
import { createRequestQueue } from "../../src/github/request-queue.js";
import { resolveLinks } from "../../src/github/resolve-links.js";
import { expectGraphql, silentLog, useNock, type GraphqlCall } from "../fixtures/graphql/github-mock.js";
import { pullLink } from "../fixtures/graphql/links.js";
import { pullNode, rateLimitNode } from "../fixtures/graphql/nodes.js";

useNock();

const options = () => ({
  graphql: createOctokit({ token: "t", log: silentLog }).graphql,
  cache: null,
  queue: createRequestQueue({ serverBackoffMs: [1] }),
});

/** Answers every alias of the call with its pull request (alias lN ↔ the N-th link of that query). */
function answerAll(call: GraphqlCall) {
  const numbers = [...call.query.matchAll(/pullRequest\(number: (\d+)\)/g)].map((m) => Number(m[1]));
  const data: Record<string, unknown> = { rateLimit: rateLimitNode({ cost: 2 }) };
  call.aliases.forEach((alias, i) => (data[alias] = { pullRequest: pullNode(numbers[i]) }));
  return { data };
}

const SOMETHING_WENT_WRONG = {
  data: null,
  errors: [{ message: "Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug." }],
};

describe("batching", () => {
  it("sends 250 distinct links in 3 queries of at most 100 aliases", async () => {
    const calls: GraphqlCall[] = [];
    for (let i = 0; i < 3; i++) expectGraphql(answerAll, calls);
    const links = Array.from({ length: 250 }, (_, i) => pullLink(i + 1));
    const { states, stats } = await resolveLinks(links, options());
    expect(calls.map((c) => c.aliases.length)).toEqual([100, 100, 50]);
    expect(stats).toMatchObject({ graphqlRequests: 3, points: 6 });
    expect([...states.values()].every((s) => s.status === "ok")).toBe(true);
    expect(stats.graphqlRequests).toBeLessThanOrEqual(Math.ceil(250 / 50));
  });

  it("splits a batch in halves when GitHub answers 'Something went wrong', and retries them", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => SOMETHING_WENT_WRONG, calls);
    expectGraphql(answerAll, calls);
    expectGraphql(answerAll, calls);
    const { states, stats } = await resolveLinks([1, 2, 3, 4].map((n) => pullLink(n)), options());
    expect(calls.map((c) => c.aliases.length)).toEqual([4, 2, 2]);
    expect(stats.graphqlRequests).toBe(3);
    expect([...states.values()].map((s) => s.status)).toEqual(["ok", "ok", "ok", "ok"]);
  });

  it("gives up on a single link GitHub cannot answer, as an error state", async () => {
    expectGraphql(() => SOMETHING_WENT_WRONG);
    const { states } = await resolveLinks([pullLink(1)], options());
    expect(states.get("pull:acme/rocket#1")).toMatchObject({ status: "error", message: expect.stringContaining("Something went wrong") });
  });

  it("retries a 502 once after a backoff, then splits the batch when it persists", async () => {
    const calls: GraphqlCall[] = [];
    expectGraphql(() => [502, { message: "Server Error" }], calls);
    expectGraphql(() => [502, { message: "Server Error" }], calls);
    expectGraphql(answerAll, calls);
    expectGraphql(answerAll, calls);
    const { states } = await resolveLinks([pullLink(1), pullLink(2)], options());
    expect(calls.map((c) => c.aliases.length)).toEqual([2, 2, 1, 1]);
    expect([...states.values()].map((s) => s.status)).toEqual(["ok", "ok"]);
  });
});
