import type { IncomingMessage, ServerResponse } from "node:http";
import { DEFAULT_SILENT_AFTER_MS, githubSilence } from "../github/github-silence.js";

export const HEALTH_PATH = "/health";
export const READY_PATH = "/ready";

/**
 * `GET /health` → 200 `{"status":"ok"}` for load balancers and the end-to-end tests; once the
 * process is shutting down, 503 `{"status":"draining"}` so that load balancers send deliveries to
 * the other replicas.
 */
export function createHealthHandler(isDraining: () => boolean = () => false) {
  return function handleHealth(req: IncomingMessage, res: ServerResponse): boolean {
    const path = req.url?.split("?")[0];
    if (req.method !== "GET" || path !== HEALTH_PATH) return false;
    const draining = isDraining();
    res.writeHead(draining ? 503 : 200, { "content-type": "application/json" }).end(JSON.stringify({ status: draining ? "draining" : "ok" }));
    return true;
  };
}

/** The health route of a process that never drains. */
export const handleHealth = createHealthHandler();

/**
 * `GET /ready` → 200 `{"status":"ready"}`; 503 while draining; 503 `{"status":"github-silent", …}`
 * once GitHub has left every request unanswered (no answer in time, or nobody listening) for
 * `silentAfterMs` (`WRAPUP_GITHUB_SILENT_MS`, default 2 minutes) — said with when it began and
 * what last went unanswered. `/health` stays about this process alone: GitHub being silent is not
 * a reason to restart it.
 */
export function createReadyHandler(isDraining: () => boolean = () => false, silentAfterMs: number = silentAfterFromEnv()) {
  return function handleReady(req: IncomingMessage, res: ServerResponse): boolean {
    const path = req.url?.split("?")[0];
    if (req.method !== "GET" || path !== READY_PATH) return false;
    const silence = githubSilence(Date.now(), silentAfterMs);
    const body = isDraining()
      ? { status: "draining" }
      : silence
        ? { status: "github-silent", since: new Date(silence.since).toISOString(), last: silence.last, lastAnswerAt: silence.lastAnswerAt === null ? null : new Date(silence.lastAnswerAt).toISOString() }
        : { status: "ready" };
    res.writeHead(body.status === "ready" ? 200 : 503, { "content-type": "application/json" }).end(JSON.stringify(body));
    return true;
  };
}

function silentAfterFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.WRAPUP_GITHUB_SILENT_MS);
  return env.WRAPUP_GITHUB_SILENT_MS && Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_SILENT_AFTER_MS;
}
