import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { findDuplicates } from "../../src/writes/find-duplicates.js";
import { duplicateNote, repairComments, repairOwnIssues, type Repair } from "../../src/writes/repair-duplicates.js";
import { github, REPO_PATH, SELF, useNock } from "../handlers/nock-github.js";

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
const REPO = { owner: "acme", repo: "hackathon" };
const followUp = (anchor: string, fingerprint = "f1") =>
  `<!-- wrapup-tracker:follow-up {"repo":"acme/hackathon","path":"w.md","anchor":"${anchor}","fingerprint":"${fingerprint}"} -->\n\nTopic ${anchor}`;
const issue = (number: number, body: string, state: "open" | "closed" = "open", comments = 0) => ({ number, state, body, comments });

describe("findDuplicates", () => {
  const age = (i: { at: string; id: number }): [string, number] => [i.at, i.id];
  it.each([
    ["no item", [], []],
    ["one per key", [{ k: "a", at: "1", id: 1 }, { k: "b", at: "1", id: 2 }], []],
    ["two with one key: the oldest kept", [{ k: "a", at: "2", id: 1 }, { k: "a", at: "1", id: 2 }], [{ key: "a", keep: 2, extra: [1] }]],
    ["same time: the lower id kept", [{ k: "a", at: "1", id: 9 }, { k: "a", at: "1", id: 3 }, { k: "a", at: "1", id: 5 }], [{ key: "a", keep: 3, extra: [5, 9] }]],
    ["items without a key are never grouped", [{ k: null, at: "1", id: 1 }, { k: null, at: "1", id: 2 }], []],
  ] as const)("%s", (_name, items, expected) => {
    const groups = findDuplicates(items as readonly { k: string | null; at: string; id: number }[], (i) => i.k, age);
    expect(groups.map((g) => ({ key: g.key, keep: g.keep.id, extra: g.extra.map((e) => e.id) }))).toEqual(expected);
  });
});

describe("repairOwnIssues", () => {
  useNock();

  it("two open follow-ups for one topic: the newer is closed with a one-line note, the older kept", async () => {
    const repairs: Repair[] = [];
    github()
      .patch(`${REPO_PATH}/issues/12`, { state: "closed", state_reason: "not_planned", body: duplicateNote(11) })
      .reply(200, { number: 12 });
    const issues = [issue(11, followUp("a")), issue(12, followUp("a", "f2")), issue(13, followUp("b")), issue(9, followUp("b"), "closed")];
    const after = await repairOwnIssues(octokit, REPO, issues, { dryRun: false, self: { login: SELF }, repairs });
    expect(repairs).toEqual([{ removed: "acme/hackathon#12", kept: "acme/hackathon#11" }]);
    expect(after.filter((i) => i.state === "open").map((i) => i.number)).toEqual([11, 13]);
    // The note is one visible line, and the duplicate no longer carries the follow-up marker.
    expect(duplicateNote(11).split("\n")).toHaveLength(2);
    expect(after.find((i) => i.number === 12)!.body).not.toContain("wrapup-tracker:follow-up");
  });

  it("a repair GitHub refuses is left for the next sweep; the sweep goes on", async () => {
    const repairs: Repair[] = [];
    github().patch(`${REPO_PATH}/issues/12`).reply(422, { message: "Validation Failed" });
    const after = await repairOwnIssues(octokit, REPO, [issue(11, followUp("a")), issue(12, followUp("a"))], { dryRun: false, self: { login: SELF }, repairs });
    expect(repairs).toEqual([]);
    expect(after.map((i) => i.state)).toEqual(["open", "open"]);
  });

  it("a dry run lists the repair and writes nothing", async () => {
    const repairs: Repair[] = [];
    await repairOwnIssues(octokit, REPO, [issue(11, followUp("a")), issue(12, followUp("a"))], { dryRun: true, self: { login: SELF }, repairs });
    expect(repairs).toHaveLength(1);
  });

  it("deletes a doubled reminder on an open follow-up (oldest kept); a person's comment is never touched", async () => {
    const reminder = '<!-- wrapup-tracker:reminder {"repo":"acme/hackathon","path":"w.md","anchor":"a","at":"2026-11-21T12:00:00.000Z"} -->\n\n⏰';
    const comment = (id: number, login: string, body = reminder) => ({ id, body, created_at: `2026-11-21T12:00:0${id}Z`, user: { login, type: login === SELF ? "Bot" : "User" } });
    github()
      .get(`${REPO_PATH}/issues/11/comments`)
      .query(true)
      .reply(200, [comment(1, SELF), comment(2, "mallory"), comment(3, SELF), comment(4, "ada", "+1 from me")]);
    github().delete(`${REPO_PATH}/issues/comments/3`).reply(204);
    const repairs: Repair[] = [];
    // #13 has one comment: nothing to double, so its comments are not even listed.
    await repairOwnIssues(octokit, REPO, [issue(11, followUp("a"), "open", 4), issue(13, followUp("b"), "open", 1)], { dryRun: false, self: { login: SELF }, repairs });
    expect(repairs).toEqual([{ removed: "acme/hackathon#11 comment 3", kept: "acme/hackathon#11 comment 1" }]);
  });
});

describe("repairComments", () => {
  useNock();

  it("a comment already deleted (404) counts as repaired", async () => {
    const status = "<!-- wrapup-tracker:status -->\n\nv1";
    const comments = [1, 2].map((id) => ({ id, body: status, created_at: "2026-11-21T12:00:00Z", user: { login: SELF } }));
    github().delete(`${REPO_PATH}/issues/comments/2`).reply(404, { message: "Not Found" });
    const kept = await repairComments(octokit, { ...REPO, number: 7 }, comments, { dryRun: false, self: { login: SELF }, repairs: [] });
    expect(kept.map((c) => c.id)).toEqual([1]);
  });
});
