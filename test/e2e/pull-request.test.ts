/**
 * End to end through the real server: wrap-up pull requests, `/refresh`, webhook signatures.
 * Needs `npm run build` first (`npm test` does it).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, EXPECTED_VERDICTS, HACKATHON, INSTALLATION_ID, NOW, READER, SECOND_PR, WRAPUP_PATH, WRAPUP_PR, WRITER, wrapUpText } from "./helpers/e2e-world.js";
import { BOT, reactionsBy, rowOf, statusComments, threadOf, writesSince } from "./helpers/inspect.js";
import { deliver, issueCommentEvent, pullRequestEvent, settle, waitFor } from "./helpers/webhooks.js";

const EMOJI = { done: "✅", active: "🟢", stalled: "🔴", untracked: "⚪" } as const;

describe("wrap-up pull requests through the real server", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    standIn = await startStandIn({ world: buildE2eWorld() });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  const opened = () => pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "opened", INSTALLATION_ID);
  const onlyStatus = () => {
    const comments = statusComments(standIn, HACKATHON, WRAPUP_PR);
    expect(comments, app.notableLogs()).toHaveLength(1);
    return comments[0]!;
  };

  it("rejects unsigned and wrongly signed deliveries and writes nothing", async () => {
    const before = standIn.requests.length;
    for (const signing of ["none", "wrong-secret", "tampered"] as const) {
      const status = await deliver(app, opened(), signing);
      expect(status, signing).toBeGreaterThanOrEqual(400);
    }
    expect(standIn.requests.length).toBe(before);
  });

  it("comments once on an opened wrap-up PR, with the right verdict per topic", async () => {
    expect(await deliver(app, opened())).toBeLessThan(300);
    const body = (await waitFor(() => statusComments(standIn, HACKATHON, WRAPUP_PR)[0], 15_000, "the status comment")).body;
    for (const [title, verdict] of Object.entries(EXPECTED_VERDICTS)) {
      expect(rowOf(body, title), `${title}\n${body}`).toContain(`${EMOJI[verdict]} ${verdict}`);
    }
    expect(onlyStatus().author).toBe(BOT);
  });

  it("updates the same comment on synchronize", async () => {
    const { id } = onlyStatus();
    const text = wrapUpText("\n## Release Notes Bot\n\n**Next Steps:** N/A\n");
    const repo = standIn.world.repos[HACKATHON]!;
    const pull = repo.pulls[WRAPUP_PR]!;
    pull.commits.push({ oid: "d".repeat(40), message: "Add a topic", committedDate: "2026-11-21T08:00:00Z", author: WRITER });
    repo.files[pull.head.branch] = { ...repo.files[pull.head.branch], [WRAPUP_PATH]: text };
    expect(await deliver(app, pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "synchronize", INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => onlyStatus().body.includes("Release Notes Bot"), 15_000, "the updated comment");
    expect(onlyStatus().id).toBe(id);
  });

  it("/refresh by a writer: 👀, the comment updated with fresh states, then 🚀", async () => {
    // PR 103 gets merged after the last check: only a refresh that bypasses the cache sees it.
    const flaky = standIn.world.repos["acme/widgets"]!.pulls[103]!;
    Object.assign(flaky, { state: "MERGED", mergedAt: "2026-11-21T09:00:00Z", closedAt: "2026-11-21T09:00:00Z", updatedAt: "2026-11-21T09:00:00Z" });
    const mark = standIn.requests.length;
    const delivery = issueCommentEvent(standIn.world, HACKATHON, WRAPUP_PR, WRITER, "/refresh", INSTALLATION_ID);
    expect(await deliver(app, delivery)).toBeLessThan(300);
    const command = threadOf(standIn, HACKATHON, WRAPUP_PR).at(-1)!;
    await waitFor(() => reactionsBy(command, BOT).includes("rocket"), 15_000, "🚀 on the command");
    expect(reactionsBy(command, BOT)).toEqual(["eyes", "rocket"]);
    expect(rowOf(onlyStatus().body, "Flaky Test Hunt")).toContain("✅ done");
    // In that order: 👀 before the comment is edited, 🚀 after.
    const writes = writesSince(standIn, mark).map((w) => (w.route.endsWith("/reactions") ? (w.body as { content: string }).content : `${w.method} comment`));
    expect(writes).toEqual(["eyes", "PATCH comment", "rocket"]);
  });

  it("/refresh by a reader is refused: no run, no rocket", async () => {
    const before = onlyStatus().body;
    const flaky = standIn.world.repos["acme/widgets"]!.pulls[103]!;
    Object.assign(flaky, { state: "OPEN", mergedAt: null, closedAt: null });
    const delivery = issueCommentEvent(standIn.world, HACKATHON, WRAPUP_PR, READER, "/refresh", INSTALLATION_ID);
    expect(await deliver(app, delivery)).toBeLessThan(300);
    const command = threadOf(standIn, HACKATHON, WRAPUP_PR).find((c) => c.author === READER)!;
    expect(standIn.requests.some((r) => r.route === `/repos/${HACKATHON}/collaborators/${READER}/permission`)).toBe(true);
    expect(reactionsBy(command, BOT)).toEqual([]);
    // Refused politely: one short reply that names the permission needed, and no run.
    const replies = threadOf(standIn, HACKATHON, WRAPUP_PR).filter((c) => c.author === BOT && c.id > command.id);
    expect(replies.map((c) => c.body)).toEqual([expect.stringMatching(/permission/i)]);
    expect(onlyStatus().body).toBe(before);
  });

  it("/refresh inside a code block does nothing", async () => {
    const mark = standIn.requests.length;
    const delivery = issueCommentEvent(standIn.world, HACKATHON, WRAPUP_PR, WRITER, "Try this:\n\n```\n/refresh\n```\n", INSTALLATION_ID);
    expect(await deliver(app, delivery)).toBeLessThan(300);
    expect(writesSince(standIn, mark)).toEqual([]);
    expect(reactionsBy(threadOf(standIn, HACKATHON, WRAPUP_PR).at(-1), BOT)).toEqual([]);
  });

  it("keeps one comment when 20 deliveries of the same event arrive at once", async () => {
    const event = pullRequestEvent(standIn.world, HACKATHON, SECOND_PR, "opened", INSTALLATION_ID);
    const statuses = await Promise.all(Array.from({ length: 20 }, () => deliver(app, event)));
    expect(statuses.every((s) => s < 300)).toBe(true);
    await waitFor(() => statusComments(standIn, HACKATHON, SECOND_PR).length > 0, 15_000, "the comment on the second PR");
    // Every queued run must be over before counting: a late duplicate would come from one of them.
    // Creating requests are spaced 3 s apart by Probot's throttling: a duplicate would come within that.
    await settle(standIn, 3500);
    expect(statusComments(standIn, HACKATHON, SECOND_PR)).toHaveLength(1);
    expect(standIn.writes().filter((w) => w.method === "POST" && w.route === `/repos/${HACKATHON}/issues/${SECOND_PR}/comments`)).toHaveLength(1);
  }, 55_000);
});
