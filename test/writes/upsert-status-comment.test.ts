import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { STATUS_MARKER, hasStatusMarker } from "../../src/render/marker.js";
import { createKeyedLock } from "../../src/writes/keyed-lock.js";
import { upsertStatusComment } from "../../src/writes/upsert-status-comment.js";
import { comparableBody } from "../../src/writes/comparable-body.js";
import { API, SELF, github, useNock } from "../handlers/nock-github.js";

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
const COMMENTS = "/repos/acme/hackathon/issues/7/comments";
const body = (text: string) => `${STATUS_MARKER}\n\n${text}\n\n<sub>Checked 2026-11-21 12:00 UTC</sub>`;
const input = (text: string) => ({
  octokit,
  owner: "acme",
  repo: "hackathon",
  issueNumber: 7,
  body: body(text),
  self: { login: SELF },
  hasMarker: hasStatusMarker,
  comparable: comparableBody,
});
const comment = (id: number, text: string, login = SELF) => ({ id, body: text, created_at: "2026-11-01T00:00:00Z", user: { login, type: "Bot" } });

describe("upsertStatusComment", () => {
  useNock();

  it("creates the comment when there is none", async () => {
    github().get(COMMENTS).query(true).reply(200, [comment(1, "hello", "someone")]);
    github().post(COMMENTS, (b) => b.body === body("v1")).reply(201, { id: 2 });
    expect(await upsertStatusComment(input("v1"))).toBe("created");
  });

  it("finds ours on a later page and updates it", async () => {
    github()
      .get(COMMENTS)
      .query({ per_page: 100 })
      .reply(200, [comment(1, "first page")], { link: `<${API}${COMMENTS}?per_page=100&page=2>; rel="next"` });
    github().get(COMMENTS).query({ per_page: 100, page: 2 }).reply(200, [comment(5, body("v1"))]);
    github().patch("/repos/acme/hackathon/issues/comments/5", (b) => b.body === body("v2")).reply(200, { id: 5 });
    expect(await upsertStatusComment(input("v2"))).toBe("updated");
  });

  it("writes nothing when only the check time changed", async () => {
    github()
      .get(COMMENTS)
      .query(true)
      .reply(200, [comment(5, body("v1").replace("12:00", "09:13"))]);
    expect(await upsertStatusComment(input("v1"))).toBe("unchanged");
  });

  it("never edits a marked comment written by someone else", async () => {
    github().get(COMMENTS).query(true).reply(200, [comment(5, body("copied"), "mallory")]);
    github().post(COMMENTS).reply(201, { id: 6 });
    expect(await upsertStatusComment(input("v1"))).toBe("created");
  });

  it("ends with exactly one comment when two runs race on the same PR", async () => {
    const posted: string[] = [];
    github().get(COMMENTS).query(true).reply(200, []);
    github()
      .post(COMMENTS)
      .reply(201, (_uri, b) => {
        posted.push((b as { body: string }).body);
        return { id: 8 };
      });
    github().get(COMMENTS).query(true).reply(200, () => posted.map((text) => comment(8, text)));
    const outcomes = await Promise.all([upsertStatusComment(input("v1")), upsertStatusComment(input("v1"))]);
    expect(outcomes.sort()).toEqual(["created", "unchanged"]);
    expect(posted).toHaveLength(1);
  });

  it("two status comments of ours (a create GitHub failed on had landed): the newer deleted, the older updated; a person's copy untouched", async () => {
    github()
      .get(COMMENTS)
      .query(true)
      .reply(200, [comment(5, body("v1")), comment(6, body("copied"), "mallory"), { ...comment(7, body("v1")), created_at: "2026-11-01T00:05:00Z" }]);
    github().delete("/repos/acme/hackathon/issues/comments/7").reply(204);
    github().patch("/repos/acme/hackathon/issues/comments/5", (b) => b.body === body("v2")).reply(200, { id: 5 });
    expect(await upsertStatusComment(input("v2"))).toBe("updated");
  });

  it("plans without writing in a dry run", async () => {
    github().get(COMMENTS).query(true).reply(200, []);
    expect(await upsertStatusComment({ ...input("v1"), dryRun: true })).toBe("planned");
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe("createKeyedLock", () => {
  it("runs tasks of one key one at a time, other keys in parallel, and survives failures", async () => {
    const withLock = createKeyedLock();
    const events: string[] = [];
    const task = (name: string, ms: number, fail = false) => async () => {
      events.push(`start ${name}`);
      await new Promise((r) => setTimeout(r, ms));
      events.push(`end ${name}`);
      if (fail) throw new Error(name);
      return name;
    };
    const results = await Promise.allSettled([
      withLock("a", task("a1", 20, true)),
      withLock("a", task("a2", 1)),
      withLock("b", task("b1", 5)),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(events.indexOf("end a1")).toBeLessThan(events.indexOf("start a2"));
    expect(events.indexOf("start b1")).toBeLessThan(events.indexOf("end a1"));
  });
});
