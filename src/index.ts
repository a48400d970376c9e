import type { ApplicationFunctionOptions, Probot } from "probot";
import { createRequestQueue, useSharedRequestQueue } from "./github/request-queue.js";
import { createAppDeps } from "./handlers/app-deps.js";
import { handleHealth } from "./handlers/health.js";
import { registerIssueCommentHandler } from "./handlers/issue-comment.js";
import { registerPullRequestHandler } from "./handlers/pull-request.js";
import { registerPushHandler } from "./handlers/push.js";
import { sweepAllInstallations } from "./handlers/schedule.js";
import { isSweepTimerDisabled, startSweepScheduler } from "./sweep/sweep-scheduler.js";

/**
 * The Probot app (started by `npm start` = `node lib/server.js`). Environment read here and below:
 * APP_ID, PRIVATE_KEY / PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST / GHE_PROTOCOL (read by Probot);
 * WRAPUP_NOW (fixed clock for demos and end-to-end tests), WRAPUP_SWEEP_DISABLED=1 (no timer),
 * WRAPUP_SWEEP_TICK_MINUTES (how often the timer looks for due repositories, default 60),
 * WRAPUP_SWEEP_FIRST_DELAY_MS (first look after start, default 5 minutes).
 */
export default function wrapupTracker(app: Probot, options?: ApplicationFunctionOptions): void {
  // A wait on a rate limit or a failing GitHub should be visible in the log (once per wait), not look
  // like a hang. GraphQL starts 1 s apart per installation, as Probot's throttling used to space them.
  useSharedRequestQueue(
    createRequestQueue({
      pacingMs: 1_000,
      onRetry: ({ scope, kind, retryAt }) =>
        app.log.warn({ scope, kind, retryAt: new Date(retryAt).toISOString() }, "GitHub limit or failure: waiting, then retrying"),
    }),
  );
  const deps = createAppDeps(app);
  registerPullRequestHandler(app, deps);
  registerIssueCommentHandler(app, deps);
  registerPushHandler(app, deps);
  // Probot 14 has no Express router any more: extra routes are plain Node handlers. Without a
  // server (`probot.load` in tests, serverless adapters) there is no route to add.
  try {
    options?.addHandler(handleHealth);
  } catch {
    app.log.debug("no HTTP server: GET /health not registered");
  }
  if (isSweepTimerDisabled(process.env)) return;
  startSweepScheduler(() => sweepAllInstallations(app, deps), {
    everyHours: Number(process.env.WRAPUP_SWEEP_TICK_MINUTES || 60) / 60,
    firstDelayMs: Number(process.env.WRAPUP_SWEEP_FIRST_DELAY_MS || 300_000),
    onError: (error) => app.log.warn({ err: error }, "scheduled sweep failed"),
  });
}
