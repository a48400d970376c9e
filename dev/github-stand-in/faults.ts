/**
 * Faults a test can inject: each applies to the next `count` matching requests, in the order added.
 * `latency` delays every request; `exhaustPoints` empties the GraphQL budget until a reset.
 */
import type { PointBudget } from "./points.js";

export type FaultTarget = "any" | "graphql" | "rest" | ((request: { method: string; route: string }) => boolean);

export type Fault =
  | { kind: "status"; status: number; count: number; target: FaultTarget }
  | { kind: "timeout"; ms: number; count: number; target: FaultTarget }
  | { kind: "secondary"; retryAfter: number | null; count: number; target: FaultTarget };

export class Faults {
  /** Extra milliseconds added to every response. */
  latencyMs = 0;
  readonly pending: Fault[] = [];
  private exhaustAfter: { requests: number; resetSeconds: number } | undefined;

  constructor(private readonly points: PointBudget) {}

  /** The next `count` matching requests answer 502 Bad Gateway (GitHub's "server error"). */
  fail502(count = 1, target: FaultTarget = "any"): this {
    this.pending.push({ kind: "status", status: 502, count, target });
    return this;
  }

  /** The next `count` matching requests hang `ms`, then get 504 — what a client sees as a timeout. */
  timeout(count = 1, ms = 10_000, target: FaultTarget = "any"): this {
    this.pending.push({ kind: "timeout", ms, count, target });
    return this;
  }

  /** The next `count` matching requests hit a secondary rate limit (403), with `retry-after` when given. */
  secondaryLimit(count = 1, retryAfter: number | null = 1, target: FaultTarget = "any"): this {
    this.pending.push({ kind: "secondary", retryAfter, count, target });
    return this;
  }

  /** Empties the GraphQL point budget; it refills `resetSeconds` later. */
  exhaustPoints(resetSeconds = 2): this {
    this.points.exhaust(resetSeconds);
    return this;
  }

  /** After `requests` more GraphQL requests succeed, the budget runs dry for `resetSeconds` (a sweep hitting the limit midway). */
  exhaustPointsAfter(requests: number, resetSeconds = 2): this {
    this.exhaustAfter = { requests, resetSeconds };
    return this;
  }

  /** Called by the server before each GraphQL request is charged. */
  beforeGraphql(): void {
    if (!this.exhaustAfter) return;
    if (this.exhaustAfter.requests <= 0) {
      this.points.exhaust(this.exhaustAfter.resetSeconds);
      this.exhaustAfter = undefined;
      return;
    }
    this.exhaustAfter.requests -= 1;
  }

  latency(ms: number): this {
    this.latencyMs = ms;
    return this;
  }

  clear(): void {
    this.pending.length = 0;
    this.latencyMs = 0;
    this.exhaustAfter = undefined;
  }

  /** The fault for this request, if any (and counts it as used). */
  take(request: { method: string; route: string }): Fault | undefined {
    const index = this.pending.findIndex((f) => matches(f.target, request));
    const fault = this.pending[index];
    if (!fault) return undefined;
    fault.count -= 1;
    if (fault.count <= 0) this.pending.splice(index, 1);
    return fault;
  }
}

function matches(target: FaultTarget, request: { method: string; route: string }): boolean {
  if (typeof target === "function") return target(request);
  if (target === "any") return true;
  return (request.route === "graphql") === (target === "graphql");
}
