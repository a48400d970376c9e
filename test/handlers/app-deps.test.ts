import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { createAppDeps } from "../../src/handlers/app-deps.js";
import { github, useNock } from "./nock-github.js";

const Octokit = ProbotOctokit.defaults((o: Record<string, unknown>) => ({ ...o, retry: { enabled: false }, throttle: { enabled: false } }));

describe("createAppDeps: who we write as", () => {
  useNock();

  it("the app: <slug>[bot], asked once", async () => {
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs1", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const deps = createAppDeps(new Probot({ appId: 2, privateKey, Octokit, logLevel: "fatal" }), {});
    github().get("/app").reply(200, { slug: "wrapup-tracker" });
    expect(await deps.self()).toEqual({ login: "wrapup-tracker[bot]" });
    expect(await deps.self()).toEqual({ login: "wrapup-tracker[bot]" });
  });

  it("a workflow token: the Actions bot", async () => {
    const deps = createAppDeps(new Probot({ githubToken: "ghs_x", Octokit, logLevel: "fatal" }), { GITHUB_ACTIONS: "true" });
    github().get("/app").reply(401, { message: "A JSON web token could not be decoded" });
    expect(await deps.self()).toEqual({ login: "github-actions[bot]" });
  });

  it("a person's token: that person; unknown is asked again later", async () => {
    const deps = createAppDeps(new Probot({ githubToken: "ghp_x", Octokit, logLevel: "fatal" }), {});
    github().get("/app").times(2).reply(401, { message: "Bad credentials" });
    github().get("/user").reply(502, { message: "Bad Gateway" });
    expect(await deps.self()).toEqual({ login: null });
    github().get("/user").reply(200, { login: "octo-ops" });
    expect(await deps.self()).toEqual({ login: "octo-ops" });
  });
});
