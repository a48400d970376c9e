import type { IncomingMessage, ServerResponse } from "node:http";

export const HEALTH_PATH = "/health";

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
