import { describe, expect, it } from "vitest";
import { replyMarker } from "../../src/handlers/comment-replies.js";
import { createPermissionCache } from "../../src/github/permissions.js";
import { readSnooze } from "../../src/sweep/snooze-note.js";
import { createSweepTexts } from "../../src/sweep/sweep-texts.js";
import { issueCommentEvent, HEAD_SHA } from "../fixtures/events/webhook-events.js";
import { makeReport, makeTopic } from "../sweep/make-report.js";
import { createDeps, createProbot } from "./harness.js";
import { github, mockBranchTree, mockConfig, NOW, REPO_PATH, SELF, useNock } from "./nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT } from "./world.js";

const REACTIONS = `${REPO_PATH}/issues/comments/9001/reactions`;
const world = { "pull:acme/widgets#101": widgetPull(101, "stale"), "pull:acme/widgets#102": widgetPull(102, "merged") };

function mockPermission(user: string, role: string, permission = role): void {
  github().get(`${REPO_PATH}/collaborators/${user}/permission`).reply(200, { permission, role_name: role, user: { login: user } });
}

function expectReaction(content: string): void {
  github().post(REACTIONS, { content }).reply(201, { id: 1, content });
}

function mockPrRefresh(number = 7, graphqlCalls = 2): { posted: () => string } {
  let posted = "";
  mockBranchTree();
  github().get(`${REPO_PATH}/pulls/${number}`).reply(200, { number, head: { sha: HEAD_SHA } });
  github()
    .get(`${REPO_PATH}/pulls/${number}/files`)
    .query(true)
    .reply(200, [{ filename: WRAPUP_PATH, status: "modified" }]);
  mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, graphqlCalls);
  github().get(`${REPO_PATH}/issues/${number}/comments`).query(true).reply(200, []);
  github()
    .post(`${REPO_PATH}/issues/${number}/comments`, (b) => ((posted = b.body), true))
    .reply(201, { id: 2 });
  return { posted: () => posted };
}

/** A follow-up issue body as the sweep writes it, for the topic "Faster Widget Builds". */
function followUpBody(): string {
  const texts = createSweepTexts({ repo: "acme/hackathon", ref: "main", now: NOW });
  const report = makeReport(WRAPUP_PATH, [makeTopic("faster-widget-builds", "stalled", { prs: [101] })]);
  return texts.followUp(report, report.topics[0]!, []).body;
}

describe("issue_comment: /refresh", () => {
  useNock();

  it("by a writer on a wrap-up PR: 👀, updates the status comment, 🚀", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    expectReaction("eyes");
    const pr = mockPrRefresh();
    expectReaction("rocket");
    await createProbot().receive(issueCommentEvent({ body: "/refresh", onPullRequest: true }));
    expect(pr.posted()).toContain("Faster Widget Builds");
  });

  it("respects a team or custom role granting write (permission API, not author_association)", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "custom-release-manager", "write");
    expectReaction("eyes");
    mockPrRefresh();
    expectReaction("rocket");
    await createProbot().receive(issueCommentEvent({ body: "Please check again\n/refresh", onPullRequest: true }));
  });

  it("by a reader: refused politely, nothing run", async () => {
    mockConfig(null);
    mockPermission("octo-reader", "read");
    let reply = "";
    github()
      .post(`${REPO_PATH}/issues/7/comments`, (b) => ((reply = b.body), true))
      .reply(201, { id: 3 });
    await createProbot().receive(issueCommentEvent({ body: "/refresh", onPullRequest: true, user: { login: "octo-reader", type: "User" } }));
    expect(reply).toMatch(/needs write permission/);
  });

  it("by a reader, again and again: one reply per user and thread an hour, 😕 after that; permission asked once", async () => {
    const probot = createProbot(createDeps({ permissions: createPermissionCache() }));
    const replies: string[] = [];
    github()
      .post(`${REPO_PATH}/issues/7/comments`, (b) => (replies.push(b.body), true))
      .reply(201, { id: 3 });
    mockPermission("octo-reader", "read");
    for (let i = 0; i < 3; i += 1) {
      mockConfig(null);
      if (i > 0) expectReaction("confused");
      await probot.receive(issueCommentEvent({ body: "/refresh", onPullRequest: true, user: { login: "octo-reader", type: "User" } }));
    }
    expect(replies).toHaveLength(1);
  });

  it("by a stranger: refused before the config is read", async () => {
    // No config mocked: reading it would fail the test as an unmatched request.
    github().get(`${REPO_PATH}/collaborators/mallory/permission`).reply(404, { message: "Not Found" });
    let reply = "";
    github()
      .post(`${REPO_PATH}/issues/7/comments`, (b) => ((reply = b.body), true))
      .reply(201, { id: 3 });
    await createProbot().receive(issueCommentEvent({ body: "/refresh", onPullRequest: true, user: { login: "mallory", type: "User" } }));
    expect(reply).toMatch(/needs read permission/);
  });

  it("a body over 64 KB is not read: nothing is asked, nothing written", async () => {
    await createProbot().receive(issueCommentEvent({ body: `/refresh\n${"*_".repeat(40_000)}`, onPullRequest: true, user: { login: "mallory", type: "User" } }));
  });

  it("honours minPermission from the config", async () => {
    mockConfig("commands:\n  refresh:\n    minPermission: triage\n");
    mockPermission("octo-triager", "triage", "read");
    expectReaction("eyes");
    mockPrRefresh();
    expectReaction("rocket");
    await createProbot().receive(issueCommentEvent({ body: "/refresh", onPullRequest: true, user: { login: "octo-triager", type: "User" } }));
  });

  it.each([
    ["a bot", { login: "dependabot[bot]", type: "Bot" as const }],
    ["the app itself", { login: SELF, type: "Bot" as const }],
  ])("ignores %s", async (_, user) => {
    await createProbot().receive(issueCommentEvent({ body: "/refresh", onPullRequest: true, user }));
  });

  it.each([
    ["in a code block", "```\n/refresh\n```"],
    ["in a quote", "> /refresh"],
    ["mid-sentence", "I will /refresh later"],
  ])("ignores /refresh %s", async (_, body) => {
    await createProbot().receive(issueCommentEvent({ body, onPullRequest: true }));
  });

  it("a second /refresh within cooldownSeconds gets a short reply and no second run", async () => {
    const deps = createDeps();
    const probot = createProbot(deps);
    mockConfig(null);
    mockPermission("octo-writer", "write");
    expectReaction("eyes");
    mockPrRefresh();
    expectReaction("rocket");
    await probot.receive(issueCommentEvent({ body: "/refresh", onPullRequest: true }));
    mockConfig(null);
    mockPermission("octo-writer", "write");
    let reply = "";
    github()
      .post(`${REPO_PATH}/issues/7/comments`, (b) => ((reply = b.body), true))
      .reply(201, { id: 4 });
    await probot.receive(issueCommentEvent({ body: "/refresh", onPullRequest: true }));
    expect(reply).toMatch(/try again in 60 s/);
  });

  it("with cooldownSeconds 0 every /refresh runs", async () => {
    const probot = createProbot(createDeps());
    for (let i = 0; i < 2; i += 1) {
      mockConfig("commands:\n  refresh:\n    cooldownSeconds: 0\n");
      mockPermission("octo-writer", "write");
      expectReaction("eyes");
      // The second run re-asks the links (cache bypassed) but not the text at the same commit.
      mockPrRefresh(7, i === 0 ? 2 : 1);
      expectReaction("rocket");
      await probot.receive(issueCommentEvent({ body: "/refresh", onPullRequest: true }));
    }
  });

  it("ignores edited comments (only new comments run commands)", async () => {
    const event = issueCommentEvent({ body: "/refresh", onPullRequest: true });
    (event.payload as { action: string }).action = "edited";
    await createProbot().receive(event);
  });

  it("when the run fails: 😕 and a one-line reply saying what failed", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    expectReaction("eyes");
    github().get(`${REPO_PATH}/pulls/7`).reply(502, { message: "Bad Gateway" });
    expectReaction("confused");
    let reply = "";
    github()
      .post(`${REPO_PATH}/issues/7/comments`, (b) => ((reply = b.body), true))
      .reply(201, { id: 5 });
    await createProbot().receive(issueCommentEvent({ body: "/refresh", onPullRequest: true }));
    // A hidden marker naming the command comment, then one visible line.
    expect(reply.split("\n")).toEqual([replyMarker(9001), expect.stringMatching(/^Refresh failed: /)]);
  });

  it("in an issue that is not ours: 😕 and a hint", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    expectReaction("eyes");
    expectReaction("confused");
    github().post(`${REPO_PATH}/issues/7/comments`, (b) => /follow-up issues/.test(b.body)).reply(201, { id: 6 });
    await createProbot().receive(issueCommentEvent({ body: "/refresh", issueBody: "Just an issue" }));
  });

  it("in one of our follow-up issues: re-checks its topic and rewrites the issue", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    expectReaction("eyes");
    github().get(REPO_PATH).reply(200, { default_branch: "main", html_url: "https://github.com/acme/hackathon" });
    mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, 2);
    let body = "";
    github()
      .patch(`${REPO_PATH}/issues/7`, (b) => ((body = b.body), true))
      .reply(200, { number: 7 });
    expectReaction("rocket");
    await createProbot().receive(issueCommentEvent({ body: "/refresh", issueBody: followUpBody().replace("Finish it", "stale text") }));
    expect(body).toContain("Roll the cache out to CI.");
  });
});

describe("issue_comment: /snooze", () => {
  useNock();

  it("in a follow-up issue: stores the date in the issue and reacts 👍", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    let body = "";
    github()
      .patch(`${REPO_PATH}/issues/7`, (b) => ((body = b.body), true))
      .reply(200, { number: 7 });
    expectReaction("+1");
    await createProbot().receive(issueCommentEvent({ body: "/snooze 10", issueBody: followUpBody() }));
    expect(readSnooze(body)).toBe("2026-12-01T12:00:00.000Z");
  });

  it("elsewhere: a hint, nothing stored", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    github().post(`${REPO_PATH}/issues/7/comments`, (b) => /follow-up issues/.test(b.body)).reply(201, { id: 7 });
    await createProbot().receive(issueCommentEvent({ body: "/snooze 10", issueBody: "Some issue" }));
  });

  it("with an unusable number of days: usage, nothing stored", async () => {
    mockConfig(null);
    mockPermission("octo-writer", "write");
    github().post(`${REPO_PATH}/issues/7/comments`, (b) => /Usage/.test(b.body)).reply(201, { id: 8 });
    await createProbot().receive(issueCommentEvent({ body: "/snooze forever", issueBody: followUpBody() }));
  });
});

describe("issue_comment: /refresh with an invalid config", () => {
  useNock();

  it("in a follow-up issue: 😕 and a reply naming the problem, nothing else written", async () => {
    mockConfig("staleAfterDays: soon\n");
    mockPermission("octo-writer", "write");
    expectReaction("eyes");
    expectReaction("confused");
    let reply = "";
    github()
      .post(`${REPO_PATH}/issues/7/comments`, (b) => ((reply = b.body), true))
      .reply(201, { id: 9 });
    await createProbot().receive(issueCommentEvent({ body: "/refresh", issueBody: followUpBody() }));
    expect(reply.split("\n")[1]).toMatch(/^Refresh failed: \.github\/wrapup-tracker\.yml has problems: staleAfterDays/);
  });
});
