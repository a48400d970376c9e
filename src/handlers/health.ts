import type { IncomingMessage, ServerResponse } from "node:http";

export const HEALTH_PATH = "/health";

/** `GET /health` → 200 `{"status":"ok"}` for load balancers and the end-to-end tests. */
export function handleHealth(req: IncomingMessage, res: ServerResponse): boolean {
  const path = req.url?.split("?")[0];
  if (req.method !== "GET" || path !== HEALTH_PATH) return false;
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "ok" }));
  return true;
}
