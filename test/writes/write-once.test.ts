/**
 * Creates through the app's real Octokit (retry and throttling on, as in production), against nock:
 * a POST GitHub answered 502 is never resent blindly — Octokit's retry plugin leaves it alone and
 * `createOnce` looks our item up by its marker first. Any request sent twice would find no mock.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appOctokitClass, mayReplay } from "../../src/github/client.js";
import { GithubError } from "../../src/github/errors.js";
import { useSharedWritePacer } from "../../src/github/write-pacing.js";
import { createWritePacer } from "../../src/writes/write-pacer.js";
import { openIssueOnce, postCommentOnce } from "../../src/writes/write-once.js";
import { silentLog } from "../fixtures/graphql/github-mock.js";
import { github, REPO_PATH, SELF, useNock } from "../handlers/nock-github.js";
import type { ProbotOctokit } from "probot";

const AppOctokit = appOctokitClass();
// Retries after 1 ms instead of 1 s: what is tested is whether they happen, not how long they wait.
const octokit = new AppOctokit({ auth: { token: "t" }, log: silentLog, retry: { retryAfterBaseValue: 1 } }) as unknown as ProbotOctokit;
const REPO = { owner: "acme", repo: "hackathon" };
const MARKER = '<!-- wrapup-tracker:follow-up {"repo":"acme/hackathon","path":"w.md","anchor":"a","fingerprint":"f"} -->';
const ISSUE = { title: "Follow up: A", body: `${MARKER}\n\nThe topic A is stalled.`, labels: ["wrapup-follow-up"] };
const self = { login: SELF };
const asListed = (number: number, body: string, login = SELF) => ({ number, body, created_at: "2026-11-21T12:00:00Z", user: { login, type: "Bot" } });

beforeAll(() => {
  process.env.WRAPUP_CREATE_SETTLE_MS = "0";
  useSharedWritePacer(createWritePacer({ spacingMs: 0 }));
});
afterAll(() => {
  delete process.env.WRAPUP_CREATE_SETTLE_MS;
});

describe("openIssueOnce", () => {
  useNock();

  it("a create answered 502 that had landed: found by a fresh look-up, not sent again", async () => {
    github().post(`${REPO_PATH}/issues`).reply(502, { message: "Server Error" });
    github()
      .get(`${REPO_PATH}/issues`)
      .query((q) => q.creator === SELF && q.state === "all" && typeof q.since === "string")
      .reply(200, [asListed(7, "unrelated"), asListed(8, ISSUE.body)]);
    expect(await openIssueOnce(octokit, REPO, ISSUE, self)).toEqual({ id: 8, outcome: "found", lookups: 1 });
  });

  it("a create answered 502 that had not landed: looked up, then sent once more", async () => {
    github().post(`${REPO_PATH}/issues`).reply(502, { message: "Server Error" });
    github().get(`${REPO_PATH}/issues`).query(true).reply(200, []);
    github().post(`${REPO_PATH}/issues`, ISSUE).reply(201, { number: 9 });
    expect(await openIssueOnce(octokit, REPO, ISSUE, self)).toEqual({ id: 9, outcome: "created", lookups: 1 });
  });

  it("after a reset connection too (a network error may follow an applied write)", async () => {
    github().post(`${REPO_PATH}/issues`).replyWithError({ code: "ECONNRESET", message: "socket hang up" });
    github().get(`${REPO_PATH}/issues`).query(true).reply(200, [asListed(10, ISSUE.body)]);
    expect(await openIssueOnce(octokit, REPO, ISSUE, self)).toMatchObject({ id: 10, outcome: "found" });
  });

  it("a 422 is a refusal: no look-up, no second create", async () => {
    github().post(`${REPO_PATH}/issues`).reply(422, { message: "Validation Failed" });
    await expect(openIssueOnce(octokit, REPO, ISSUE, self)).rejects.toMatchObject({ kind: "failed" });
  });

  it("when the look-up fails too, the outcome is unknown and nothing is sent again", async () => {
    github().post(`${REPO_PATH}/issues`).reply(502, { message: "Server Error" });
    // GETs are retried by Octokit (3 times): four failures in all.
    github().get(`${REPO_PATH}/issues`).query(true).times(4).reply(502, { message: "Server Error" });
    const error = await openIssueOnce(octokit, REPO, ISSUE, self).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GithubError);
    expect((error as Error).message).toMatch(/whether it was created is unknown/);
  });

  it("gives up after three creates that never landed", async () => {
    for (let i = 0; i < 3; i++) {
      github().post(`${REPO_PATH}/issues`).reply(502, { message: "Server Error" });
      github().get(`${REPO_PATH}/issues`).query(true).reply(200, []);
    }
    await expect(openIssueOnce(octokit, REPO, ISSUE, self)).rejects.toThrow(/failed 3 times .*none of them was applied/);
  });

  it("refuses a body without a marker: it could never be looked up", async () => {
    await expect(openIssueOnce(octokit, REPO, { title: "x", body: "plain" }, self)).rejects.toThrow(/no wrapup-tracker marker/);
  });
});

describe("postCommentOnce", () => {
  useNock();
  const COMMENTS = `${REPO_PATH}/issues/5/comments`;
  const REMINDER = '<!-- wrapup-tracker:reminder {"repo":"acme/hackathon","path":"w.md","anchor":"a","at":"2026-11-21T12:00:00.000Z"} -->\n\n⏰ Reminder';

  it("a person's comment copying our marker is not taken for ours: the reminder is posted", async () => {
    github().post(COMMENTS).reply(502, { message: "Server Error" });
    github()
      .get(COMMENTS)
      .query((q) => typeof q.since === "string")
      .reply(200, [{ id: 1, body: REMINDER, created_at: "2026-11-21T12:00:01Z", user: { login: "mallory", type: "User" } }]);
    github().post(COMMENTS, { body: REMINDER }).reply(201, { id: 2 });
    expect(await postCommentOnce(octokit, { ...REPO, number: 5 }, REMINDER, self)).toEqual({ id: 2, outcome: "created", lookups: 1 });
  });

  it("our reminder that landed despite the 502 is found", async () => {
    github().post(COMMENTS).reply(504, { message: "We couldn't respond to your request in time." });
    github().get(COMMENTS).query(true).reply(200, [{ id: 3, body: REMINDER, created_at: "2026-11-21T12:00:01Z", user: { login: SELF, type: "Bot" } }]);
    expect(await postCommentOnce(octokit, { ...REPO, number: 5 }, REMINDER, self)).toEqual({ id: 3, outcome: "found", lookups: 1 });
  });
});

describe("the retry policy", () => {
  useNock();

  it.each([
    ["POST", "/repos/{owner}/{repo}/issues", false],
    ["POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments", false],
    ["POST", "/graphql", false],
    ["POST", "/repos/{owner}/{repo}/issues/comments/{comment_id}/reactions", true],
    ["POST", "/app/installations/{installation_id}/access_tokens", true],
    ["PATCH", "/repos/{owner}/{repo}/issues/{issue_number}", true],
    ["DELETE", "/repos/{owner}/{repo}/issues/comments/{comment_id}", true],
    ["GET", "/repos/{owner}/{repo}/issues", true],
  ])("%s %s may be replayed after a 5xx: %s", (method, url, expected) => {
    expect(mayReplay({ method, url })).toBe(expected);
  });

  it("an edit of our own body (PATCH) is retried after a 502", async () => {
    github().patch(`${REPO_PATH}/issues/5`).reply(502, { message: "Server Error" });
    github().patch(`${REPO_PATH}/issues/5`).reply(200, { number: 5 });
    await expect(octokit.rest.issues.update({ ...REPO, issue_number: 5, body: "x" })).resolves.toMatchObject({ status: 200 });
  });

  it("a reaction is retried after a 502 (GitHub answers an existing one as such)", async () => {
    github().post(`${REPO_PATH}/issues/comments/9/reactions`).reply(502, { message: "Server Error" });
    github().post(`${REPO_PATH}/issues/comments/9/reactions`).reply(200, { id: 1, content: "eyes" });
    await expect(octokit.rest.reactions.createForIssueComment({ ...REPO, comment_id: 9, content: "eyes" })).resolves.toMatchObject({ status: 200 });
  });
});
