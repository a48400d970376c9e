/**
 * Every series the app exports, all named `wrapup_tracker_*` (the README lists them), and the small
 * functions the few places that count call. Nothing else imports prom-client.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

const PREFIX = "wrapup_tracker_";
const registry = new Registry();
const registers = [registry];

const deliveries = new Counter({
  name: `${PREFIX}deliveries_total`,
  help: "Webhook deliveries by event and outcome: handled, failed, rejected (bad signature or payload), refused (shutting down).",
  labelNames: ["event", "outcome"] as const,
  registers,
});
const deliverySeconds = new Histogram({
  name: `${PREFIX}delivery_duration_seconds`,
  help: "Time from a delivery's arrival to the end of its handlers.",
  labelNames: ["event"] as const,
  buckets: [0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers,
});
const deliveriesInFlight = new Gauge({ name: `${PREFIX}deliveries_in_flight`, help: "Deliveries whose handlers are still running.", registers });
const graphqlRequests = new Counter({
  name: `${PREFIX}graphql_requests_total`,
  help: "GraphQL requests through the request queue (retries included in one), by outcome: ok or the error kind.",
  labelNames: ["outcome"] as const,
  registers,
});
const graphqlPoints = new Counter({ name: `${PREFIX}graphql_points_total`, help: "GraphQL rate-limit points spent, as GitHub reports them.", registers });
const rateLimitRemaining = new Gauge({
  name: `${PREFIX}rate_limit_remaining`,
  help: "Requests or points left in the current window, per installation and resource (core, graphql, …), from GitHub's last answer.",
  labelNames: ["installation", "resource"] as const,
  registers,
});
const cacheLookups = new Counter({
  name: `${PREFIX}state_cache_lookups_total`,
  help: "Link-state cache lookups by result (hit, miss).",
  labelNames: ["result"] as const,
  registers,
});
const sweepSeconds = new Histogram({
  name: `${PREFIX}sweep_duration_seconds`,
  help: "Duration of one repository's sweep, by trigger (schedule, push, dashboard) and status (swept, config-invalid, config-unavailable, failed).",
  labelNames: ["trigger", "status"] as const,
  buckets: [1, 5, 15, 30, 60, 120, 300, 900, 3600],
  registers,
});
const githubWrites = new Counter({
  name: `${PREFIX}github_writes_total`,
  help: "REST writes (comments, issues, reactions, …) by method, route and outcome (ok, failed: after retries).",
  labelNames: ["method", "route", "outcome"] as const,
  registers,
});
const lockWaitSeconds = new Histogram({
  name: `${PREFIX}lock_wait_seconds`,
  help: "Time spent waiting for a write lock, by lock (thread, repository).",
  labelNames: ["lock"] as const,
  buckets: [0.001, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600],
  registers,
});
const leasesLost = new Counter({
  name: `${PREFIX}leases_lost_total`,
  help: "Leases that expired while held (Redis unreachable, or the process stalled), by lock.",
  labelNames: ["lock"] as const,
  registers,
});

export type DeliveryOutcome = "handled" | "failed" | "rejected" | "refused";

export function countDelivery(event: string, outcome: DeliveryOutcome, seconds?: number): void {
  deliveries.inc({ event, outcome });
  if (seconds !== undefined) deliverySeconds.observe({ event }, seconds);
}

export function trackDeliveryStart(): () => void {
  deliveriesInFlight.inc();
  return () => deliveriesInFlight.dec();
}

export function countGraphqlRequest(outcome: string): void {
  graphqlRequests.inc({ outcome });
}

export function addGraphqlPoints(points: number): void {
  if (points > 0) graphqlPoints.inc(points);
}

export function setRateLimitRemaining(installation: string, resource: string, remaining: number): void {
  rateLimitRemaining.set({ installation, resource }, remaining);
}

export function countCacheLookup(hit: boolean): void {
  cacheLookups.inc({ result: hit ? "hit" : "miss" });
}

export function observeSweep(trigger: string, status: string, seconds: number): void {
  sweepSeconds.observe({ trigger, status }, seconds);
}

export function countGithubWrite(method: string, route: string, outcome: "ok" | "failed"): void {
  githubWrites.inc({ method, route, outcome });
}

export function observeLockWait(lock: string, seconds: number): void {
  lockWaitSeconds.observe({ lock }, seconds);
}

/** `key` as the coordination names it: `<lock>:<what>` (e.g. `thread:acme/hackathon#2`). */
export function countLeaseLost(key: string): void {
  leasesLost.inc({ lock: key.split(":")[0] ?? "unknown" });
}

let processMetrics = false;

/** Adds Node's own series (CPU, memory, event loop lag, …), prefixed too; once per process. */
export function collectProcessMetrics(): void {
  if (processMetrics) return;
  processMetrics = true;
  collectDefaultMetrics({ register: registry, prefix: PREFIX });
}

/** The Prometheus text exposition of every series. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
