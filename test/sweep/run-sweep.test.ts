import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { parseFollowUpMarker } from "../../src/render/marker.js";
import { findFirstCommitDate } from "../../src/pipeline/find-event-dates.js";
import { runSweep, type RunSweepOptions } from "../../src/sweep/run-sweep.js";
import { github, mockFirstCommit, NOW, REPO_PATH, SELF, useNock } from "../handlers/nock-github.js";
import { widgetIssue, WRAPUP_PATH, WRAPUP_TEXT } from "../handlers/world.js";
import { dashboards, expectCreates, mockAssignable, mockInstallationRepos, mockSweepReads, START_AT_ONCE, type Issue } from "./mock-sweep.js";

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
const REPO = { owner: "acme", repo: "hackathon" };
const options: RunSweepOptions = { now: NOW, dryRun: false, scope: "sweep-test", self: { login: SELF }, cache: null };

const SECOND_TOPIC = `
## Metrics Export

**Next Steps:** Ship the exporter.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/103
`;

describe("runSweep", () => {
  useNock();

  it("opens one follow-up per stalled topic; a second sweep writes nothing", async () => {
    mockSweepReads({});
    const created = expectCreates(1);
    const first = await runSweep(octokit, REPO, options);
    expect(first.files).toBe(1);
    // The tree lists the wrap-up and a README; the README is ruled out without parsing.
    expect(first.read).toEqual({ candidates: 2, fromMemo: 0, fetched: 2, parsed: 1, unreadable: 0 });
    expect(first.topics).toEqual({ done: 1, active: 0, stalled: 1, untracked: 0, unchecked: 0, unplanned: 0 });
    expect(first.writes).toBe(1);
    expect(created[0]!.title).toBe("Follow up: Faster Widget Builds (Hack Week 2026 Wrap Up)");
    expect(created[0]!.labels).toEqual([{ name: "wrapup-follow-up" }]);
    // The topic's person (its PR's author), whom GitHub accepts as assignee here.
    expect(created[0]!.assignees).toEqual([{ login: "ada" }]);
    expect(parseFollowUpMarker(created[0]!.body)).toMatchObject({ repo: "acme/hackathon", path: WRAPUP_PATH, anchor: "faster-widget-builds" });

    mockSweepReads({ issues: created });
    const second = await runSweep(octokit, REPO, { ...options, now: new Date(NOW.getTime() + 3_600_000) });
    expect(second.actions).toEqual([]);
    expect(second.writes).toBe(0);
    expect([first.dashboard, second.dashboard]).toEqual(["created", "unchanged"]);
  });

  it("two sweeps of one repository at once open the follow-up once", async () => {
    let created: Issue[] = [];
    mockSweepReads({ issues: () => created });
    mockSweepReads({ issues: () => created });
    // Exactly one creation is mocked: a second one would fail as an unmatched request.
    created = expectCreates(1);
    const [first, second] = await Promise.all([runSweep(octokit, REPO, options), runSweep(octokit, REPO, options)]);
    expect(first.writes + second.writes).toBe(1);
    expect(first.failed + second.failed).toBe(0);
    expect(created).toHaveLength(1);
  });

  it("opens follow-ups in followUp.repo when set, keyed to the wrap-up's own repository", async () => {
    mockSweepReads({ config: `${START_AT_ONCE}  repo: acme/follow-ups\n` });
    github().get("/repos/acme/follow-ups/issues").query({ state: "all", per_page: 100, creator: SELF }).reply(200, []);
    mockInstallationRepos(["acme/hackathon", "acme/follow-ups"]);
    // The topic's author may not be assigned in the other repository: the issue opens without assignees.
    mockAssignable("/repos/acme/follow-ups", 1, false);
    let opened: { title: string; body: string; assignees?: string[] } | undefined;
    github()
      .post("/repos/acme/follow-ups/issues", (b) => ((opened = b), true))
      .reply(201, { number: 7 });
    const summary = await runSweep(octokit, REPO, options);
    expect(summary.writes).toBe(1);
    expect(opened?.title).toBe("Follow up: Faster Widget Builds (Hack Week 2026 Wrap Up)");
    expect(parseFollowUpMarker(opened!.body)).toMatchObject({ repo: "acme/hackathon", path: WRAPUP_PATH });
    expect(opened?.assignees).toBeUndefined();
  });

  it("a followUp.repo that does not exist is a config problem on the dashboard; the sweep goes on", async () => {
    mockSweepReads({ config: `${START_AT_ONCE}  repo: acme/gone\n` });
    github().get("/repos/acme/gone/issues").query({ state: "all", per_page: 100, creator: SELF }).reply(404, { message: "Not Found" });
    const summary = await runSweep(octokit, REPO, options);
    expect(summary.status).toBe("swept");
    expect(summary.writes).toBe(0);
    expect(summary.dashboard).toBe("created");
    expect(dashboards[0]!.body).toContain("followUp.repo: acme/gone does not exist or wrapup-tracker is not installed there");
  });

  it("an _extends target that cannot be read is a config problem on the dashboard, not silence", async () => {
    mockSweepReads({ config: `_extends: acme/missing-config\n${START_AT_ONCE}` });
    github().get("/repos/acme/missing-config/contents/.github%2Fwrapup-tracker.yml").reply(404, { message: "Not Found" });
    const created = expectCreates(1);
    const summary = await runSweep(octokit, REPO, options);
    expect(summary.status).toBe("swept");
    expect(created).toHaveLength(1);
    expect(dashboards[0]!.body).toContain("_extends: acme/missing-config:.github/wrapup-tracker.yml could not be read");
  });

  it("reminds on an open follow-up nobody touched for remindEveryDays", async () => {
    mockSweepReads({});
    const created = expectCreates(1);
    await runSweep(octokit, REPO, options);
    const later = new Date(NOW.getTime() + 14 * 86_400_000);
    mockSweepReads({ issues: created });
    let reminder = "";
    github()
      .post(`${REPO_PATH}/issues/50/comments`, (b) => ((reminder = b.body), true))
      .reply(201, { id: 1 });
    const summary = await runSweep(octokit, REPO, { ...options, now: later });
    expect(summary.writes).toBe(1);
    expect(reminder).toMatch(/still stalled/);
  });

  it("comments on and closes our follow-up once its topic is done", async () => {
    mockSweepReads({});
    const created = expectCreates(1);
    await runSweep(octokit, REPO, options);
    mockSweepReads({ issues: created, fates: { 101: "merged" } });
    github().post(`${REPO_PATH}/issues/50/comments`, (b) => /Done/.test(b.body)).reply(201, { id: 1 });
    github().patch(`${REPO_PATH}/issues/50`, { state: "closed", state_reason: "completed" }).reply(200, { number: 50 });
    const summary = await runSweep(octokit, REPO, options);
    expect(summary.writes).toBe(2);
  });

  it("respects a person's close: no reopen, no new issue while the links are the same", async () => {
    mockSweepReads({});
    const created = expectCreates(1);
    await runSweep(octokit, REPO, options);
    mockSweepReads({ issues: created.map((i) => ({ ...i, state: "closed" as const })) });
    expect((await runSweep(octokit, REPO, options)).actions).toEqual([]);
  });

  it("opens at most maxNewPerSweep issues, the rest next time", async () => {
    mockSweepReads({ config: `${START_AT_ONCE}  maxNewPerSweep: 1\n`, text: WRAPUP_TEXT + SECOND_TOPIC });
    const created = expectCreates(1);
    const first = await runSweep(octokit, REPO, options);
    expect(first.deferred).toBe(1);
    mockSweepReads({ config: `${START_AT_ONCE}  maxNewPerSweep: 1\n`, text: WRAPUP_TEXT + SECOND_TOPIC, issues: [...created] });
    const more = expectCreates(1);
    const second = await runSweep(octokit, REPO, options);
    expect(second.deferred).toBe(0);
    expect(more[0]!.title).toMatch(/Metrics Export/);
  });

  it("dry run (flag or config) plans every write and sends none", async () => {
    mockSweepReads({});
    const flag = await runSweep(octokit, REPO, { ...options, dryRun: true });
    expect(flag.actions.map((a) => [a.action.kind, a.outcome])).toEqual([["create-issue", "planned"]]);
    mockSweepReads({ config: "dryRun: true\n" });
    const config = await runSweep(octokit, REPO, options);
    expect(config.dryRun).toBe(true);
    expect(config.writes).toBe(0);
  });

  it("invalid config: one problem issue (updated, not duplicated), nothing else written", async () => {
    const config = "staleAfterDays: soon\n";
    mockSweepReads({ config });
    const created: Issue[] = [];
    github()
      .post(`${REPO_PATH}/issues`, (b) => b.title === "wrapup-tracker: invalid configuration")
      .reply(201, (_uri, raw) => {
        const issue = { number: 60, state: "open" as const, title: (raw as Issue).title, body: (raw as Issue).body, labels: [], updated_at: NOW.toISOString() };
        created.push(issue);
        return issue;
      });
    const first = await runSweep(octokit, REPO, options);
    expect(first.status).toBe("config-invalid");
    expect(created[0]!.body).toContain("staleAfterDays");
    mockSweepReads({ config, issues: created });
    const second = await runSweep(octokit, REPO, { ...options, now: new Date(NOW.getTime() + 86_400_000) });
    expect(second.configIssue).toBe("unchanged");
    mockSweepReads({ config: "staleAfterDays: soon\ngraceDays: -1\n".replace("soon", "soon"), issues: created });
    github().patch(`${REPO_PATH}/issues/60`, (b) => /graceDays/.test(b.body)).reply(200, { number: 60 });
    expect((await runSweep(octokit, REPO, options)).configIssue).toBe("updated");
  });

  it("comments on the topic's open tracking issue (never on its PRs), at most once per remindEveryDays", async () => {
    const text = WRAPUP_TEXT.replace(
      "**Code/Pull Requests:** https://github.com/acme/widgets/pull/101",
      "**Code/Pull Requests:** https://github.com/acme/widgets/pull/101\n\n**Tracking:** https://github.com/acme/widgets/issues/7",
    );
    const extraWorld = { "issue:acme/widgets#7": widgetIssue(7) };
    const TRACKING = "/repos/acme/widgets/issues/7/comments";
    mockSweepReads({ text, extraWorld });
    mockInstallationRepos(["acme/hackathon", "acme/widgets"]);
    github().get(TRACKING).query(true).reply(200, []);
    const posted: { body: string; created_at: string; user: { login: string; type: string }; id: number }[] = [];
    github()
      .post(TRACKING)
      .reply(201, (_uri, raw) => {
        posted.push({ id: 1, body: (raw as { body: string }).body, created_at: NOW.toISOString(), user: { login: SELF, type: "Bot" } });
        return posted[0];
      });
    const first = await runSweep(octokit, REPO, options);
    expect(first.actions.map((a) => a.action.kind)).toEqual(["comment"]);
    expect(posted[0]!.body).toMatch(/still stalled/);

    // 13 days later: our reminder is there, nothing to do; 14 days later: remind again.
    for (const [days, writes] of [[13, 0], [14, 1]] as const) {
      mockSweepReads({ text, extraWorld });
      mockInstallationRepos(["acme/hackathon", "acme/widgets"]);
      github().get(TRACKING).query(true).reply(200, posted.slice(0, 1));
      if (writes) github().post(TRACKING).reply(201, { id: 2 });
      const later = await runSweep(octokit, REPO, { ...options, now: new Date(NOW.getTime() + days * 86_400_000) });
      expect(later.writes).toBe(writes);
    }
  });

  it("an undated wrap-up first committed 5 days ago is in its grace period: nothing is followed up", async () => {
    mockFirstCommit(WRAPUP_PATH, "2026-11-16T12:00:00Z");
    mockSweepReads({});
    const summary = await runSweep(octokit, REPO, options);
    expect(summary.topics).toEqual({ done: 1, active: 1, stalled: 0, untracked: 0, unchecked: 0, unplanned: 0 });
    expect(summary.actions).toEqual([]);
  });

  it("finds the first commit on the last page of the file's history", async () => {
    github()
      .get(`${REPO_PATH}/commits`)
      .query({ sha: "main", path: WRAPUP_PATH, per_page: 1 })
      .reply(200, [{ commit: { committer: { date: "2026-11-20T00:00:00Z" } } }], {
        link: `<https://api.github.com${REPO_PATH}/commits?sha=main&path=x&per_page=1&page=2>; rel="next", <https://api.github.com${REPO_PATH}/commits?sha=main&path=x&per_page=1&page=9>; rel="last"`,
      });
    github()
      .get(`${REPO_PATH}/commits`)
      .query({ sha: "main", path: WRAPUP_PATH, per_page: 1, page: 9 })
      .reply(200, [{ commit: { committer: { date: "2026-11-10T00:00:00Z" } } }]);
    expect(await findFirstCommitDate(octokit, REPO, "main", WRAPUP_PATH)).toBe("2026-11-10T00:00:00Z");
    // Remembered: no second request.
    expect(await findFirstCommitDate(octokit, REPO, "main", WRAPUP_PATH)).toBe("2026-11-10T00:00:00Z");
  });
});
