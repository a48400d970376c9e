import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addIssue, addRepo, createWorld, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { post } from "./helpers.js";

describe("stand-in faults", () => {
  let standIn: StandIn;
  beforeEach(async () => {
    const world = createWorld();
    addRepo(world, "acme/widgets");
    addIssue(world, "acme/widgets", { number: 1 });
    standIn = await startStandIn({ world, pointsLimit: 3 });
  });
  afterEach(() => standIn.close());

  const issue = `{ repository(owner: "acme", name: "widgets") { issue(number: 1) { state } } rateLimit { remaining } }`;
  const get = (path: string) => fetch(`${standIn.apiUrl}${path}`, { headers: { authorization: "token t" } });

  it("answers 502 to the next N matching requests, then recovers", async () => {
    standIn.faults.fail502(2, "rest");
    expect((await post(standIn, issue)).status).toBe(200);
    expect([(await get("/repos/acme/widgets")).status, (await get("/repos/acme/widgets")).status, (await get("/repos/acme/widgets")).status]).toEqual([502, 502, 200]);
    expect(standIn.requests.filter((r) => r.fault === "status")).toHaveLength(2);
  });

  it("answers a secondary limit with and without retry-after", async () => {
    standIn.faults.secondaryLimit(1, 3).secondaryLimit(1, null);
    const first = await get("/repos/acme/widgets");
    const second = await get("/repos/acme/widgets");
    expect([first.status, first.headers.get("retry-after")]).toEqual([403, "3"]);
    expect([second.status, second.headers.get("retry-after")]).toEqual([403, null]);
    expect(((await second.json()) as { message: string }).message).toMatch(/secondary rate limit/);
  });

  it("holds a request, then answers 504 like a GitHub timeout", async () => {
    standIn.faults.timeout(1, 200, "graphql");
    const started = Date.now();
    const { status } = await post(standIn, issue);
    expect(status).toBe(504);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });

  it("answers RATE_LIMITED once the point budget is spent, until the window resets", async () => {
    standIn.faults.exhaustPoints(1);
    const limited = await post(standIn, issue);
    expect(limited.status).toBe(200);
    expect(limited.body.errors?.[0]).toMatchObject({ type: "RATE_LIMITED" });
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(limited.headers.get("x-ratelimit-reset")) * 1000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, reset - Date.now()) + 50));
    const after = await post(standIn, issue);
    expect(after.body.data.rateLimit.remaining).toBe(2);
  });

  it("runs the budget dry after N more GraphQL requests", async () => {
    standIn.faults.exhaustPointsAfter(1, 5);
    expect((await post(standIn, issue)).body.errors).toBeUndefined();
    expect((await post(standIn, issue)).body.errors?.[0]).toMatchObject({ type: "RATE_LIMITED" });
  });

  it("delays every answer by the configured latency", async () => {
    standIn.faults.latency(150);
    const started = Date.now();
    await get("/repos/acme/widgets");
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  const createIssue = () =>
    fetch(`${standIn.apiUrl}/repos/acme/widgets/issues`, { method: "POST", headers: { authorization: "token t", "content-type": "application/json" }, body: JSON.stringify({ title: "x" }) });

  it("applies a write, then answers 502: the issue is there although the client was told it failed", async () => {
    standIn.faults.applyThenFail(1);
    expect((await createIssue()).status).toBe(502);
    expect(Object.keys(standIn.world.repos["acme/widgets"]!.issues)).toEqual(["1", "2"]);
    expect(standIn.requests.at(-1)).toMatchObject({ fault: "applied", status: 502 });
    // Reads are no writes: an applied fault waits for the next write.
    standIn.faults.applyThenFail(1);
    expect((await get("/repos/acme/widgets")).status).toBe(200);
    expect((await createIssue()).status).toBe(502);
  });

  it("random faults: the same seed fails the same requests", async () => {
    const pattern = async (seed: number) => {
      standIn.faults.clear();
      standIn.faults.random({ seed, failRate: 0.3, appliedFailRate: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await (i % 3 === 0 ? createIssue() : get("/repos/acme/widgets"))).status);
      return statuses;
    };
    const first = await pattern(7);
    expect(await pattern(7)).toEqual(first);
    expect(first.filter((status) => status === 502).length).toBeGreaterThan(0);
    expect(first.filter((status) => status !== 502).length).toBeGreaterThan(0);
  });
});
