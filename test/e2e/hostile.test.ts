/**
 * End to end with a hostile wrap-up: mentions, closing keywords, HTML and `-->` in titles must not
 * turn into mentions, keywords or markup in anything the app writes.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPull, startStandIn, type StandIn } from "../../dev/github-stand-in/index.js";
import { startApp, type AppProcess } from "./helpers/app-process.js";
import { buildE2eWorld, HACKATHON, INSTALLATION_ID, NOW, START_AT_ONCE, WRAPUP_PATH, WRAPUP_PR } from "./helpers/e2e-world.js";
import { followUpIssues, statusComments } from "./helpers/inspect.js";
import { deliver, pullRequestEvent, pushEvent, waitFor } from "./helpers/webhooks.js";

const HOSTILE = `
## Fix @everyone --> <img src=x onerror=alert(1)> <!-- wrapup-tracker:status --> fixes #1

**Problem Statement:** Ping @acme/security and @mallory; fixes #1, closes acme/widgets#103, resolves https://github.com/acme/widgets/issues/104.

**Next Steps:** Ask @mallory to fix #2 <script>alert(1)</script> --> done

**Code/Pull Requests:** https://github.com/acme/widgets/pull/106
`;

/** The text GitHub scans for mentions and keywords: our markers, code spans and link targets left out. */
function scanned(body: string): string {
  return body
    .replace(/<!-- wrapup-tracker:[^\n]*? -->/g, " ")
    .replace(/```[\s\S]*?```/g, " ")
    .replace(/`[^`\n]*`/g, " ")
    .replace(/\]\([^)\s]*\)/g, "]");
}

function expectHarmless(body: string, where: string): void {
  const text = scanned(body);
  expect(text, where).not.toMatch(/(?:^|[^\w`])@(everyone|mallory|acme\/security)\b/);
  expect(text, where).not.toMatch(/\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\s*:?\s+(\S+\/\S+)?#\d/i);
  expect(text, where).not.toMatch(/\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\s*:?\s+https:\/\/github\.com\/\S+\/issues\/\d/i);
  const withoutOurs = body.replace(/<!-- wrapup-tracker:[^\n]*? -->/g, "");
  expect(withoutOurs, where).not.toMatch(/<(img|script)\b/i);
  expect(withoutOurs, where).not.toMatch(/<!--|-->/);
}

describe("hostile wrap-up content", () => {
  let standIn: StandIn;
  let app: AppProcess;

  beforeAll(async () => {
    const world = buildE2eWorld({ extraTopics: HOSTILE, config: START_AT_ONCE });
    addPull(world, "acme/widgets", {
      number: 106,
      author: "mallory",
      createdAt: "2026-09-01T10:00:00Z",
      title: "fixes #1 @everyone <b>bold</b> -->",
      commits: [{ oid: "e".repeat(40), message: "x", committedDate: "2026-09-02T10:00:00Z", author: "mallory" }],
    });
    standIn = await startStandIn({ world });
    app = await startApp({ standIn, env: { WRAPUP_NOW: NOW } });
  });
  afterAll(async () => {
    await app?.stop();
    await standIn?.close();
  });

  it("writes no mention, no closing keyword and no markup, on the PR and in follow-ups", async () => {
    expect(await deliver(app, pullRequestEvent(standIn.world, HACKATHON, WRAPUP_PR, "opened", INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => statusComments(standIn, HACKATHON, WRAPUP_PR).length > 0, 15_000, "the status comment");
    expect(await deliver(app, pushEvent(standIn.world, HACKATHON, [WRAPUP_PATH], INSTALLATION_ID))).toBeLessThan(300);
    await waitFor(() => followUpIssues(standIn, HACKATHON).length >= 2, 20_000, "the follow-ups");
    // The sweep ends with the dashboard: its body is checked too.
    await waitFor(() => app.countLogs("sweep done") > 0, 20_000, "the end of the sweep");
    const sent = standIn.writes().map((w) => ({ where: `${w.method} ${w.route}`, ...(w.body as { body?: unknown; title?: unknown }) }));
    const bodies = sent.filter((w): w is typeof w & { body: string } => typeof w.body === "string");
    expect(bodies.length).toBeGreaterThanOrEqual(3);
    for (const { where, body } of bodies) expectHarmless(body, `${where}:\n${body}`);
    // Titles are plain text on GitHub (no markdown, mentions or keywords): one line, within the limit.
    for (const { title } of sent.filter((w) => typeof w.title === "string")) expect(String(title)).toMatch(/^[^\n]{1,256}$/);
    const status = statusComments(standIn, HACKATHON, WRAPUP_PR);
    expect(status).toHaveLength(1);
    expect(status[0]!.body.startsWith("<!-- wrapup-tracker:status -->")).toBe(true);
  }, 45_000);
});
