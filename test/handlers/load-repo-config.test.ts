import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { loadRepoConfig } from "../../src/config/load-repo-config.js";
import { github, mockConfig, REPO_PATH, useNock } from "./nock-github.js";

const octokit = new ProbotOctokit({ auth: { token: "t" }, retry: { enabled: false }, throttle: { enabled: false } });
const REPO = { owner: "acme", repo: "hackathon" };
const CONFIG = "/contents/.github%2Fwrapup-tracker.yml";
const yaml = (text: string) => [200, text, { "content-type": "text/plain; charset=utf-8" }] as const;

describe("loadRepoConfig", () => {
  useNock();

  it("gives the defaults when neither the repository nor the organisation has a file", async () => {
    mockConfig(null);
    const loaded = await loadRepoConfig(octokit, REPO);
    expect(loaded.ok === true && loaded.config.staleAfterDays).toBe(30);
  });

  it("merges the file over the defaults", async () => {
    mockConfig("staleAfterDays: 45\nfollowUp:\n  labels: [stalled]\n");
    const loaded = await loadRepoConfig(octokit, REPO);
    expect(loaded.ok).toBe(true);
    if (loaded.ok !== true) return;
    expect(loaded.config.staleAfterDays).toBe(45);
    expect(loaded.config.followUp.labels).toEqual(["stalled"]);
    expect(loaded.config.followUp.remindEveryDays).toBe(14);
  });

  it("falls back to the organisation's .github repository and follows _extends", async () => {
    github().get(`${REPO_PATH}${CONFIG}`).reply(404, { message: "Not Found" });
    github().get(`/repos/acme/.github${CONFIG}`).reply(...yaml("_extends: shared-config\ngraceDays: 7\n"));
    github().get(`/repos/acme/shared-config${CONFIG}`).reply(...yaml("graceDays: 3\nstaleAfterDays: 60\n"));
    const loaded = await loadRepoConfig(octokit, REPO);
    expect(loaded.ok === true && [loaded.config.graceDays, loaded.config.staleAfterDays]).toEqual([7, 60]);
  });

  it("turns bad values into readable problems", async () => {
    mockConfig("staleAfterDays: soon\nbogus: 1\n");
    const loaded = await loadRepoConfig(octokit, REPO);
    expect(loaded.ok).toBe(false);
    expect(loaded.ok === false && loaded.problems.join("\n")).toMatch(/staleAfterDays.*soon[\s\S]*bogus: unknown key/);
  });

  it("turns invalid YAML into a problem, not an exception", async () => {
    mockConfig("staleAfterDays: [1\n");
    const loaded = await loadRepoConfig(octokit, REPO);
    expect(loaded.ok === false && loaded.problems[0]).toMatch(/^\.github\/wrapup-tracker\.yml: .*invalid YAML/);
  });

  it("reports GitHub being unavailable separately (nothing to tell users)", async () => {
    github().get(`${REPO_PATH}${CONFIG}`).reply(502, { message: "Bad Gateway" });
    const loaded = await loadRepoConfig(octokit, REPO);
    expect(loaded.ok).toBe("unavailable");
  });
});
