/**
 * `npm start`: Probot's server running the app with our Octokit class. `probot run lib/index.js`
 * would build Probot's default Octokit, whose secondary-limit handler only logs — a write hit by a
 * secondary limit would be lost. `AppOctokit` retries it (see src/github/client.ts); the metrics
 * plugin comes last, so it counts what is left after throttling and retries.
 * Without APP_ID and a private key, Probot serves its setup page that registers the app from app.yml.
 * SIGTERM / SIGINT shut down gracefully (src/lifecycle/graceful-shutdown.ts); WRAPUP_SHUTDOWN_TIMEOUT_MS
 * bounds the wait for in-flight work (default 25000, under the 30 s Docker Compose and Kubernetes
 * are given here and by default).
 */
import { run } from "probot";
import { AppOctokit } from "./github/client.js";
import { startWrapupTracker } from "./index.js";
import { exitGracefullyOnSignals, type AppRuntime } from "./lifecycle/graceful-shutdown.js";
import { octokitMetrics } from "./metrics/octokit-metrics.js";

let runtime: AppRuntime | undefined;
const server = await run(
  async (app, options) => {
    runtime = await startWrapupTracker(app, options);
  },
  { Octokit: AppOctokit.plugin(octokitMetrics) },
);

// Not in setup mode (no credentials yet): there the app never ran and Probot's defaults stay.
if (runtime) {
  // Probot's own SIGINT handler exits as soon as the server closes, cutting in-flight work short.
  process.removeAllListeners("SIGINT");
  const timeoutMs = Number(process.env.WRAPUP_SHUTDOWN_TIMEOUT_MS);
  exitGracefullyOnSignals(runtime, {
    log: runtime.log,
    ...(timeoutMs > 0 ? { timeoutMs } : {}),
    stopServer: () => server.stop(),
  });
}
