import { describe, expect, it } from "vitest";
import { STATUS_MARKER } from "../../src/render/marker.js";
import { pullRequestEvent } from "../fixtures/events/webhook-events.js";
import { createProbot } from "./harness.js";
import { github, mockBranchTree, mockConfig, mockFirstCommit, REPO_PATH, SELF, useNock } from "./nock-github.js";
import { mockGithubGraphql, widgetPull, WRAPUP_PATH, WRAPUP_TEXT } from "./world.js";

const FILES = `${REPO_PATH}/pulls/7/files`;
const COMMENTS = `${REPO_PATH}/issues/7/comments`;
const world = { "pull:acme/widgets#101": widgetPull(101, "stale"), "pull:acme/widgets#102": widgetPull(102, "merged") };

function mockWrapUpPr(graphqlCalls = 2): void {
  mockConfig(null);
  mockBranchTree();
  github()
    .get(FILES)
    .query(true)
    .reply(200, [
      { filename: WRAPUP_PATH, status: "added" },
      { filename: "src/app.ts", status: "modified" },
    ]);
  mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, graphqlCalls);
}

/** A release-notes post: sections with motivation and pull requests, the shape of a wrap-up topic. */
const RELEASE_NOTES = `---
title: Widgets v2.0.0 Released
type: blog
---

## Faster Builds

**Motivation:** Builds were slow.

**Pull Requests:** https://github.com/acme/widgets/pull/101

## A New Docs Site

**Motivation:** Nobody found the docs.

**Pull Requests:** https://github.com/acme/widgets/pull/102

**Next Steps:** more pages in v2.1.
`;

/** A docs page full of pull request links, one section with fields. */
const DOCS_PAGE = `# Deprecations

| Feature | Removed in | Pull request |
| --- | --- | --- |
| Old API | v1.9 | https://github.com/acme/widgets/pull/101 |
| Old UI | v1.8 | https://github.com/acme/widgets/pull/102 |

## Old API

**Problem:** it was old.

**Next Steps:** remove the last caller.
`;

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

  it("never comments on a PR whose changed markdown files are not wrap-ups (release notes, a docs page full of PR links)", async () => {
    mockConfig(null);
    github()
      .get(FILES)
      .query(true)
      .reply(200, [
        { filename: "blog/2026/widgets-v2-released.md", status: "added" },
        { filename: "docs/deprecations.md", status: "modified" },
      ]);
    const queries: string[] = [];
    // One query for the two texts; no link of theirs is ever asked for, and nothing is written.
    mockGithubGraphql({ "blog/2026/widgets-v2-released.md": RELEASE_NOTES, "docs/deprecations.md": DOCS_PAGE }, world, 1, queries);
    await createProbot().receive(pullRequestEvent("opened"));
    expect(queries.map((q) => q.includes("WrapupFileTexts"))).toEqual([true]);
  });

  it("with globs in paths, a matching file that is not a wrap-up is judged and named in the findings", async () => {
    mockConfig('paths: ["blog/**/*.md"]\n');
    mockBranchTree();
    github().get(FILES).query(true).reply(200, [{ filename: "blog/2026/widgets-v2-released.md", status: "added" }]);
    mockGithubGraphql({ "blog/2026/widgets-v2-released.md": RELEASE_NOTES }, world, 2);
    mockFirstCommit("blog/2026/widgets-v2-released.md");
    github().get(COMMENTS).query(true).reply(200, []);
    let posted = "";
    github()
      .post(COMMENTS, (body) => ((posted = body.body), true))
      .reply(201, { id: 1 });
    await createProbot().receive(pullRequestEvent("opened"));
    expect(posted).toContain('- matched \\`paths\\` but reads like release notes: title "Widgets v2.0.0 Released"; 2 sections');
  });

  it("two deliveries for the same PR at once end with exactly one comment", async () => {
    mockConfig(null);
    mockConfig(null);
    mockBranchTree([], 2);
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
    mockBranchTree();
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
    mockBranchTree();
    github().get(FILES).query(true).reply(200, [{ filename: WRAPUP_PATH, status: "added" }]);
    mockGithubGraphql({ [WRAPUP_PATH]: WRAPUP_TEXT }, world, 2);
    github().get(COMMENTS).query(true).reply(200, []);
    await createProbot().receive(pullRequestEvent("opened"));
  });
});
