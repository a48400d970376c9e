import type { ApplicationFunctionOptions, Probot } from "probot";
import { useSharedLocks } from "./coordination/shared-locks.js";
import { createRequestQueue, useSharedRequestQueue } from "./github/request-queue.js";
import { createAppDeps } from "./handlers/app-deps.js";
import { createHealthHandler, createReadyHandler } from "./handlers/health.js";
import { registerIssueCommentHandler } from "./handlers/issue-comment.js";
import { registerIssuesHandler } from "./handlers/issues.js";
import { handleMetrics } from "./handlers/metrics.js";
import { registerPullRequestHandler } from "./handlers/pull-request.js";
import { registerPushHandler } from "./handlers/push.js";
import { sweepAllInstallations } from "./handlers/schedule.js";
import type { AppRuntime } from "./lifecycle/graceful-shutdown.js";
import { trackDeliveries } from "./lifecycle/track-deliveries.js";
import { startInternalServer, type InternalServer } from "./lifecycle/internal-server.js";
import { timeLockWaits } from "./metrics/lock-metrics.js";
import { meterRequestQueue } from "./metrics/metered-queue.js";
import { collectProcessMetrics, countCacheLookup, countLeaseLost } from "./metrics/metrics.js";
import { isSweepTimerDisabled, startSweepScheduler } from "./sweep/sweep-scheduler.js";

/**
 * The Probot app (started by `npm start` = `node lib/server.js`). Environment read here and below:
 * APP_ID, PRIVATE_KEY / PRIVATE_KEY_PATH, WEBHOOK_SECRET, GHE_HOST / GHE_PROTOCOL (read by Probot);
 * REDIS_URL (replicas share throttling, locks, cooldowns, the sweep schedule and the state cache;
 * see coordination/create-coordination.ts for the lease settings);
 * WRAPUP_NOW (fixed clock for demos and end-to-end tests), WRAPUP_SWEEP_DISABLED=1 (no timer),
 * WRAPUP_SWEEP_TICK_MINUTES (how often the timer looks for due repositories, default 60),
 * WRAPUP_SWEEP_FIRST_DELAY_MS (first look after start, default 5 minutes);
 * METRICS_PORT / METRICS_HOST (the internal port for /metrics, see addRoutes).
 */
export async function startWrapupTracker(app: Probot, options?: ApplicationFunctionOptions, env: NodeJS.ProcessEnv = process.env): Promise<AppRuntime> {
  // A wait on a rate limit or a failing GitHub should be visible in the log (once per wait), not look
  // like a hang. GraphQL starts 1 s apart per installation, as Probot's throttling used to space them.
  useSharedRequestQueue(
    meterRequestQueue(
      createRequestQueue({
        pacingMs: 1_000,
        onRetry: ({ scope, kind, retryAt }) =>
          app.log.warn({ scope, kind, retryAt: new Date(retryAt).toISOString() }, "GitHub limit or failure: waiting, then retrying"),
      }),
    ),
  );
  const deps = createAppDeps(app, env, {
    onCacheLookup: countCacheLookup,
    onLeaseLost: (key) => {
      countLeaseLost(key);
      app.log.warn({ key }, "lease lost: another replica may hold it now");
    },
  });
  const { coordination } = deps;
  // Status comments and sweeps take these locks: Redis leases when replicas share a Redis.
  useSharedLocks(timeLockWaits((name) => coordination.lock(name)));
  registerPullRequestHandler(app, deps);
  registerIssueCommentHandler(app, deps);
  registerPushHandler(app, deps);
  registerIssuesHandler(app, deps);
  const deliveries = trackDeliveries(app);
  const internal = await addRoutes(app, options, env, () => !deliveries.taking);
  if (coordination.kind === "redis") app.log.info("replicas coordinate through Redis: locks, cooldowns, sweep schedule, state cache");
  if (isSweepTimerDisabled(env)) return { deliveries, coordination, internal, log: app.log };
  const scheduler = startSweepScheduler(() => sweepAllInstallations(app, deps), {
    everyHours: Number(env.WRAPUP_SWEEP_TICK_MINUTES || 60) / 60,
    firstDelayMs: Number(env.WRAPUP_SWEEP_FIRST_DELAY_MS || 300_000),
    onError: (error) => app.log.warn({ err: error }, "scheduled sweep failed"),
  });
  return { deliveries, coordination, scheduler, internal, log: app.log };
}

/**
 * `GET /health` and `GET /ready` on the webhook port (for load balancers); `GET /metrics` and a second `/health` and `/ready` on
 * METRICS_PORT (bound to METRICS_HOST, else HOST) when it is set — the port a deployment keeps off
 * the internet, whose requests log at debug — else `/metrics` on the webhook port as well.
 */
async function addRoutes(app: Probot, options: ApplicationFunctionOptions | undefined, env: NodeJS.ProcessEnv, isDraining: () => boolean): Promise<InternalServer | undefined> {
  // Probot 14 has no Express router any more: extra routes are plain Node handlers. Without a
  // server (`probot.load` in tests, serverless adapters) there is no route to add.
  const health = createHealthHandler(isDraining);
  const ready = createReadyHandler(isDraining);
  try {
    options?.addHandler(health);
    options?.addHandler(ready);
    if (!env.METRICS_PORT) options?.addHandler(handleMetrics);
  } catch {
    app.log.debug("no HTTP server: GET /health and /metrics not registered");
    return undefined;
  }
  collectProcessMetrics();
  if (!options || !env.METRICS_PORT) return undefined;
  const host = env.METRICS_HOST || env.HOST || "localhost";
  const internal = await startInternalServer({ port: Number(env.METRICS_PORT), host, routes: [health, ready, handleMetrics], log: app.log });
  app.log.info({ port: internal.port, host }, "metrics and health on the internal port");
  return internal;
}

export default async function wrapupTracker(app: Probot, options?: ApplicationFunctionOptions): Promise<void> {
  await startWrapupTracker(app, options);
}
