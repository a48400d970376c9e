/** Webhook deliveries signed exactly as GitHub signs them, with payloads built from the stand-in's world. */
import { createHmac, randomUUID } from "node:crypto";
import { commentJson, issueJson, pullJson, repoJson, userJson } from "./github-stand-in/rest-json.js";
import { findRepo, makeComment, type World } from "./github-stand-in/index.js";
import type { AppProcess } from "./app-process.js";

export interface Delivery {
  event: string;
  payload: Record<string, unknown>;
}

export type Signing = "valid" | "none" | "wrong-secret" | "tampered";

export function sign(secret: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/** POSTs one delivery to the app's webhook path; resolves with the HTTP status Probot answered. */
export async function deliver(app: AppProcess, delivery: Delivery, signing: Signing = "valid"): Promise<number> {
  const body = JSON.stringify(delivery.payload);
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "user-agent": "GitHub-Hookshot/e2e",
    "x-github-event": delivery.event,
    "x-github-delivery": randomUUID(),
    "x-github-hook-installation-target-type": "integration",
  };
  if (signing === "valid") headers["x-hub-signature-256"] = sign(app.secret, body);
  if (signing === "wrong-secret") headers["x-hub-signature-256"] = sign("not-the-secret", body);
  if (signing === "tampered") headers["x-hub-signature-256"] = sign(app.secret, `${body} `);
  const response = await fetch(`${app.url}/api/github/webhooks`, { method: "POST", headers, body });
  await response.text();
  return response.status;
}

const API = "https://api.github.com";

function repoOf(world: World, fullName: string) {
  const [owner = "", name = ""] = fullName.split("/");
  const repo = findRepo(world, owner, name);
  if (!repo) throw new Error(`no repo ${fullName} in the world`);
  return repo;
}

function common(world: World, fullName: string, sender: string, installationId: number) {
  const repo = repoOf(world, fullName);
  return { repository: repoJson(world, repo, API), sender: userJson(world, sender), installation: { id: installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u" } };
}

export function pullRequestEvent(world: World, fullName: string, number: number, action: string, installationId: number): Delivery {
  const repo = repoOf(world, fullName);
  const pull = repo.pulls[number];
  if (!pull) throw new Error(`no pull ${fullName}#${number}`);
  return { event: "pull_request", payload: { action, number, pull_request: pullJson(world, repo, pull, API), ...common(world, fullName, pull.author, installationId) } };
}

/** Adds the comment to the world (GitHub stores it before it delivers the event) and builds the event. */
export function issueCommentEvent(world: World, fullName: string, number: number, author: string, body: string, installationId: number): Delivery {
  const repo = repoOf(world, fullName);
  const item = repo.issues[number] ?? repo.pulls[number];
  if (!item) throw new Error(`no issue or pull ${fullName}#${number}`);
  const comment = makeComment(world, author, body, new Date().toISOString().replace(/\.\d{3}Z$/, "Z"));
  item.comments.push(comment);
  return {
    event: "issue_comment",
    payload: { action: "created", issue: issueJson(world, repo, item, API), comment: commentJson(world, repo, number, comment, API), ...common(world, fullName, author, installationId) },
  };
}

/**
 * A person edits an issue's body (e.g. ticks a task-list box): the world gets the new body, as
 * GitHub stores it before it delivers `issues.edited` with the previous body in `changes`.
 */
export function issueEditedEvent(world: World, fullName: string, number: number, body: string, editor: string, installationId: number): Delivery {
  const repo = repoOf(world, fullName);
  const issue = repo.issues[number];
  if (!issue) throw new Error(`no issue ${fullName}#${number}`);
  const from = issue.body;
  issue.body = body;
  issue.updatedAt = new Date().toISOString().replace(/\.\d{3}Z$/, "Z");
  return {
    event: "issues",
    payload: { action: "edited", issue: issueJson(world, repo, issue, API), changes: { body: { from } }, ...common(world, fullName, editor, installationId) },
  };
}

export function pushEvent(world: World, fullName: string, changed: string[], installationId: number): Delivery {
  const repo = repoOf(world, fullName);
  const head = repo.branches[repo.defaultBranch]?.commits.at(-1);
  const commit = { id: head?.oid, tree_id: head?.oid, message: "Update wrap-up", timestamp: head?.committedDate, author: { name: "ada", email: "ada@example.com", username: "ada" }, added: [], removed: [], modified: changed, distinct: true };
  return {
    event: "push",
    payload: {
      ref: `refs/heads/${repo.defaultBranch}`,
      before: "0".repeat(40),
      after: head?.oid,
      created: false,
      deleted: false,
      forced: false,
      commits: [commit],
      head_commit: commit,
      pusher: { name: "ada", email: "ada@example.com" },
      ...common(world, fullName, "ada", installationId),
    },
  };
}

/** Polls until `check` returns a value (not undefined/false), or fails with what it last saw. */
export async function waitFor<T>(check: () => T | undefined | false, timeoutMs = 15_000, describe: string | (() => string) = "condition"): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof describe === "function" ? describe() : describe}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the stand-in has seen no request for `quietMs` (the app finished what it was doing). */
export async function settle(standIn: { requests: { at: number }[] }, quietMs = 1500, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const last = standIn.requests.at(-1)?.at ?? 0;
    if (Date.now() - last >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the app kept sending requests");
}
