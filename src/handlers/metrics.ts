import type { IncomingMessage, ServerResponse } from "node:http";
import { renderMetrics } from "../metrics/metrics.js";

export const METRICS_PATH = "/metrics";

/** `GET /metrics` → every `wrapup_tracker_*` series in Prometheus' text format. */
export async function handleMetrics(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const path = req.url?.split("?")[0];
  if (req.method !== "GET" || path !== METRICS_PATH) return false;
  const { contentType, body } = await renderMetrics();
  res.writeHead(200, { "content-type": contentType }).end(body);
  return true;
}
