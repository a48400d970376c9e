import { describe, expect, it } from "vitest";
import { STATUS_MARKER } from "../../src/render/marker.js";
import { pullRequestEvent } from "../fixtures/events/webhook-events.js";
import { createProbot } from "./harness.js";
import { github, mockConfig, REPO_PATH, SELF, useNock } from "./nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT } from "./world.js";

const FILES = `${REPO_PATH}/pulls/7/files`;
const COMMENTS = `${REPO_PATH}/issues/7/comments`;
const world = { "pull:acme/widgets#101": widgetPull(101, "stale"), "pull:acme/widgets#102": widgetPull(102, "merged") };

function mockWrapUpPr(graphqlCalls = 2): void {
  mockConfig(null);
  github()
    .get(FILES)
    .query(true)
    .reply(200, [
      { filename: WRAPUP_PATH, status: "added" },
      { filename: "src/app.ts", status: "modified" },
    ]);
  mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, graphqlCalls);
}

const ours = (id: number, body: string) => ({ id, body, created_at: "2026-11-20T00:00:00Z", user: { login: SELF, type: "Bot" } });

describe("pull_request handler", () => {
  useNock();

  it.each(["opened", "reopened", "ready_for_review"] as const)("%s: creates one status comment", async (action) => {
    mockWrapUpPr();
    github().get(COMMENTS).query(true).reply(200, []);
    let posted = "";
    github()
      .post(COMMENTS, (body) => ((posted = body.body), true))
      .reply(201, { id: 1 });
    await createProbot().receive(pullRequestEvent(action));
    expect(posted.startsWith(STATUS_MARKER)).toBe(true);
    expect(posted).toContain("Faster Widget Builds");
    expect(posted).toMatch(/stalled/);
    expect(posted).toContain("https://github.com/acme/widgets/pull/102");
  });

  it("synchronize: updates our comment when the result changed", async () => {
    mockWrapUpPr();
    github().get(COMMENTS).query(true).reply(200, [ours(5, `${STATUS_MARKER}\nold`)]);
    github().patch(`${REPO_PATH}/issues/comments/5`, (body) => body.body.includes("Faster Widget Builds")).reply(200, { id: 5 });
    await createProbot().receive(pullRequestEvent("synchronize"));
  });

  it("synchronize: writes nothing when the comment is unchanged", async () => {
    // First delivery: capture what we would write.
    mockWrapUpPr();
    let posted = "";
    github().get(COMMENTS).query(true).reply(200, []);
    github()
      .post(COMMENTS, (body) => ((posted = body.body), true))
      .reply(201, { id: 1 });
    await createProbot().receive(pullRequestEvent("opened"));
    // Second delivery: that comment is there; no PATCH, no POST is mocked, so any write fails.
    // (Same head commit: the file's text is remembered, only the links are asked again.)
    mockWrapUpPr(1);
    github().get(COMMENTS).query(true).reply(200, [ours(1, posted)]);
    await createProbot().receive(pullRequestEvent("synchronize"));
  });

  it("ignores a PR without wrap-up files", async () => {
    mockConfig(null);
    github().get(FILES).query(true).reply(200, [{ filename: "src/app.ts", status: "modified" }]);
    await createProbot().receive(pullRequestEvent("opened"));
  });

  it("ignores markdown files that are not wrap-ups (no topics)", async () => {
    mockConfig(null);
    github().get(FILES).query(true).reply(200, [{ filename: "README.md", status: "modified" }]);
    mockGithubGraphql({ "README.md": "# Readme\n\nJust text.\n" }, {});
    await createProbot().receive(pullRequestEvent("opened"));
  });

  it("two deliveries for the same PR at once end with exactly one comment", async () => {
    mockConfig(null);
    mockConfig(null);
    github().get(FILES).query(true).times(2).reply(200, [{ filename: WRAPUP_PATH, status: "added" }]);
    const queries: string[] = [];
    // The file's text at the head commit is asked once for both deliveries; links once per delivery.
    mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, 3, queries);
    const posted: string[] = [];
    github()
      .get(COMMENTS)
      .query(true)
      .times(2)
      .reply(200, () => posted.map((body, i) => ours(i + 1, body)));
    github()
      .post(COMMENTS)
      .reply(201, (_uri, body) => (posted.push((body as { body: string }).body), { id: 1 }));
    const probot = createProbot();
    await Promise.all([probot.receive(pullRequestEvent("opened")), probot.receive(pullRequestEvent("synchronize"))]);
    expect(posted).toHaveLength(1);
    expect(queries.filter((q) => q.includes("WrapupFileTexts"))).toHaveLength(1);
  });

  it("invalid config: the problems show in the status comment, nothing else is written", async () => {
    mockConfig("staleAfterDays: soon\nfollowUp:\n  maxNewPerSweep: -1\n");
    github().get(FILES).query(true).reply(200, [{ filename: WRAPUP_PATH, status: "added" }]);
    mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, 2);
    github().get(COMMENTS).query(true).reply(200, []);
    let posted = "";
    github()
      .post(COMMENTS, (body) => ((posted = body.body), true))
      .reply(201, { id: 1 });
    await createProbot().receive(pullRequestEvent("opened"));
    expect(posted).toContain("staleAfterDays");
    expect(posted).toContain("maxNewPerSweep");
  });

  it("dryRun in the config: reads everything, writes nothing", async () => {
    mockConfig("dryRun: true\n");
    github().get(FILES).query(true).reply(200, [{ filename: WRAPUP_PATH, status: "added" }]);
    mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, 2);
    github().get(COMMENTS).query(true).reply(200, []);
    await createProbot().receive(pullRequestEvent("opened"));
  });
});
