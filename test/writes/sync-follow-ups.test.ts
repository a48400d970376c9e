import type { ProbotOctokit } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appOctokitClass } from "../../src/github/client.js";
import { createWaitLimit } from "../../src/github/wait-limit.js";
import { useSharedWritePacer } from "../../src/github/write-pacing.js";
import type { SweepAction } from "../../src/sweep/sweep-types.js";
import { executeSweepPlan } from "../../src/writes/sync-follow-ups.js";
import { REPLY_PACING } from "../../src/handlers/comment-replies.js";
import { createWritePacer } from "../../src/writes/write-pacer.js";
import { silentLog } from "../fixtures/graphql/github-mock.js";
import { github, REPO_PATH, SELF, useNock } from "../handlers/nock-github.js";

const REPO = { owner: "acme", repo: "hackathon" };
const self = { login: SELF };
const marker = (anchor: string) => `<!-- wrapup-tracker:follow-up {"repo":"acme/hackathon","path":"w.md","anchor":"${anchor}","fingerprint":"f"} -->`;
const create = (anchor: string): SweepAction => ({ kind: "create-issue", repo: REPO, title: `Follow up: ${anchor}`, body: `${marker(anchor)}\n\nstalled`, labels: [], key: anchor, why: "stalled" });
const client = (waitLimit = createWaitLimit(60_000)) => {
  const Octokit = appOctokitClass({ waitLimit });
  return new Octokit({ auth: { token: "t" }, log: silentLog, retry: { retryAfterBaseValue: 1 } }) as unknown as ProbotOctokit;
};

beforeAll(() => void (process.env.WRAPUP_CREATE_SETTLE_MS = "0"));
afterAll(() => void delete process.env.WRAPUP_CREATE_SETTLE_MS);

describe("executeSweepPlan", () => {
  useNock();

  it("writes past the hour's content budget are deferred to the next sweep, not failed", async () => {
    useSharedWritePacer(createWritePacer({ spacingMs: 0, contentPerHour: 3 }));
    github().post(`${REPO_PATH}/issues`).times(2).reply(201, { number: 50 });
    const plan = await executeSweepPlan(client(), ["a", "b", "c", "d"].map(create), { dryRun: false, self });
    expect(plan.actions.map((a) => a.outcome)).toEqual(["done", "done", "deferred", "deferred"]);
  });

  it("command replies never spend the follow-ups' budget: they are paced in a lane of their own", async () => {
    useSharedWritePacer(createWritePacer({ spacingMs: 0, contentPerHour: 3 }));
    const octokit = client();
    github().post(`${REPO_PATH}/issues/7/comments`).times(2).reply(201, { id: 1 });
    // As many replies as the hour allows: had they counted, no follow-up would open.
    for (let i = 0; i < 2; i += 1) {
      await octokit.rest.issues.createComment({ ...REPO, issue_number: 7, body: "Sorry", request: REPLY_PACING });
    }
    github().post(`${REPO_PATH}/issues`).times(2).reply(201, { number: 50 });
    const plan = await executeSweepPlan(octokit, ["a", "b", "c"].map(create), { dryRun: false, self });
    expect(plan.actions.map((a) => a.outcome)).toEqual(["done", "done", "deferred"]);
  });

  it("a create GitHub failed on but applied counts as done (recovered), with the look-up counted", async () => {
    useSharedWritePacer(createWritePacer({ spacingMs: 0 }));
    github().post(`${REPO_PATH}/issues`).reply(502, { message: "Server Error" });
    github()
      .get(`${REPO_PATH}/issues`)
      .query(true)
      .reply(200, [{ number: 51, body: `${marker("a")}\n\nstalled`, created_at: "2026-11-21T12:00:00Z", user: { login: SELF } }]);
    const plan = await executeSweepPlan(client(), [create("a")], { dryRun: false, self });
    expect(plan.actions[0]).toMatchObject({ outcome: "done", number: 51, recovered: true });
    expect(plan.lookups).toBe(1);
  });

  it("a rate limit past the wait limit stops the writes: the rest deferred, nothing failed", async () => {
    useSharedWritePacer(createWritePacer({ spacingMs: 0 }));
    const reset = String(Math.ceil(Date.now() / 1000) + 3600);
    github()
      .post(`${REPO_PATH}/issues`)
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset });
    const waitLimit = createWaitLimit(60_000);
    const plan = await executeSweepPlan(client(waitLimit), [create("a"), create("b")], { dryRun: false, self });
    expect(plan.actions.map((a) => a.outcome)).toEqual(["deferred", "deferred"]);
    expect(plan.stoppedBy?.kind).toBe("rate-limited");
    expect(waitLimit.refused?.limit).toBe("REST rate limit");
  });

  it("a refused write (4xx) fails alone; the others go on", async () => {
    useSharedWritePacer(createWritePacer({ spacingMs: 0 }));
    github().post(`${REPO_PATH}/issues`).reply(410, { message: "Issues are disabled" });
    github().post(`${REPO_PATH}/issues`).reply(201, { number: 52 });
    const plan = await executeSweepPlan(client(), [create("a"), create("b")], { dryRun: false, self });
    expect(plan.actions.map((a) => a.outcome)).toEqual(["failed", "done"]);
  });
});
