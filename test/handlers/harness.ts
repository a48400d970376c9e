/**
 * Probot as the handlers meet it, with the network replaced by nock: retry and throttling off,
 * real webhook payload shapes, every mock required to be used.
 */
import { generateKeyPairSync } from "node:crypto";
import { Probot, ProbotOctokit } from "probot";
import type { AppDeps } from "../../src/handlers/app-deps.js";
import { registerIssueCommentHandler } from "../../src/handlers/issue-comment.js";
import { registerIssuesHandler } from "../../src/handlers/issues.js";
import { registerPullRequestHandler } from "../../src/handlers/pull-request.js";
import { registerPushHandler } from "../../src/handlers/push.js";
import { NOW, SELF } from "./nock-github.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

export function createDeps(overrides: Partial<AppDeps> = {}): AppDeps {
  return {
    now: () => NOW,
    self: async () => ({ login: SELF }),
    lastRefresh: new Map(),
    lastSweep: new Map(),
    stateCache: null,
    ...overrides,
  };
}

/** A Probot with our handlers registered, retry and throttling off, logging silenced. */
export function createProbot(deps: AppDeps = createDeps()): Probot {
  const probot = new Probot({
    appId: 1,
    privateKey,
    logLevel: "fatal",
    Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({
      ...options,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  registerPullRequestHandler(probot, deps);
  registerIssueCommentHandler(probot, deps);
  registerPushHandler(probot, deps);
  registerIssuesHandler(probot, deps);
  return probot;
}

