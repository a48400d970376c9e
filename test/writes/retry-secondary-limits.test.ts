import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { retrySecondaryLimits } from "../../src/github/retry-secondary-limits.js";
import { github, REPO_PATH, useNock } from "../handlers/nock-github.js";

/** Probot's own client as `probot run` builds it: its secondary-limit handler only logs. */
function probotLikeClient() {
  return new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { onSecondaryRateLimit: () => false, onRateLimit: () => false } });
}

const SECONDARY = { message: "You have exceeded a secondary rate limit" };

describe("retrySecondaryLimits", () => {
  useNock();

  it("waits for retry-after and retries a REST write once", async () => {
    const waits: number[] = [];
    const octokit = retrySecondaryLimits(probotLikeClient(), { sleep: async (ms) => void waits.push(ms) });
    github().post(`${REPO_PATH}/issues`).reply(403, SECONDARY, { "retry-after": "2" });
    github().post(`${REPO_PATH}/issues`).reply(201, { number: 5 });
    const { data } = await octokit.rest.issues.create({ owner: "acme", repo: "hackathon", title: "t" });
    expect(data.number).toBe(5);
    expect(waits).toEqual([2000]);
  });

  it("gives up after maxRetries and leaves other errors alone", async () => {
    const octokit = retrySecondaryLimits(probotLikeClient(), { sleep: async () => undefined, maxRetries: 1 });
    github().post(`${REPO_PATH}/issues`).times(2).reply(403, SECONDARY, { "retry-after": "1" });
    await expect(octokit.rest.issues.create({ owner: "acme", repo: "hackathon", title: "t" })).rejects.toMatchObject({ status: 403 });
    github().get(REPO_PATH).reply(404, { message: "Not Found" });
    await expect(octokit.rest.repos.get({ owner: "acme", repo: "hackathon" })).rejects.toMatchObject({ status: 404 });
  });

  it("leaves GraphQL to the request queue", async () => {
    const octokit = retrySecondaryLimits(probotLikeClient(), { sleep: async () => undefined });
    github().post("/graphql").reply(403, SECONDARY, { "retry-after": "1" });
    await expect(octokit.graphql("query { viewer { login } }")).rejects.toBeTruthy();
  });
});
