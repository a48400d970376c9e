/**
 * Faults a test can inject: each applies to the next `count` matching requests, in the order added.
 * `latency` delays every request; `exhaustPoints` empties the GraphQL budget until a reset;
 * `random` fails a share of all requests, drawn from a seed (the same seed, the same faults for
 * the same sequence of requests).
 *
 * "Applied" faults are GitHub's worst habit: the write happens, then the answer is a 502 (or a
 * timeout) — the client cannot tell it from a write that never happened.
 */
import { seededRandom } from "../seeded-random.js";
import type { PointBudget } from "./points.js";

export type FaultTarget = "any" | "graphql" | "rest" | "write" | ((request: { method: string; route: string }) => boolean);

export type Fault =
  | { kind: "status"; status: number; count: number; target: FaultTarget }
  | { kind: "timeout"; ms: number; count: number; target: FaultTarget }
  | { kind: "secondary"; retryAfter: number | null; count: number; target: FaultTarget }
  /** The request is applied, then answered with `status` after `ms` (0: at once). */
  | { kind: "applied"; status: number; ms: number; count: number; target: FaultTarget }
  /** The request is read and never answered (the connection stays open until the stand-in closes). */
  | { kind: "hang"; count: number; target: FaultTarget };

export interface RandomFaults {
  seed: number;
  /** Share of matching requests answered 502 before anything is applied. */
  failRate: number;
  /** Share of the other writes (POST/PATCH/PUT/DELETE) applied, then answered 502. */
  appliedFailRate?: number;
  target?: FaultTarget;
}

export class Faults {
  /** Extra milliseconds added to every response. */
  latencyMs = 0;
  readonly pending: Fault[] = [];
  private exhaustAfter: { requests: number; resetSeconds: number } | undefined;
  private chance: { next: () => number; settings: RandomFaults } | undefined;

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

  /** Matching requests are read and never answered — GitHub accepting a connection and going silent. */
  hang(target: FaultTarget = "any", count = Number.POSITIVE_INFINITY): this {
    this.pending.push({ kind: "hang", count, target });
    return this;
  }

  /** The next `count` matching requests are applied, then answered `status` after `ms` (a 502, or a timeout's 504). */
  applyThenFail(count = 1, target: FaultTarget = "write", options: { status?: number; ms?: number } = {}): this {
    this.pending.push({ kind: "applied", status: options.status ?? 502, ms: options.ms ?? 0, count, target });
    return this;
  }

  /** The next `count` matching requests hit a secondary rate limit (403), with `retry-after` when given. */
  secondaryLimit(count = 1, retryAfter: number | null = 1, target: FaultTarget = "any"): this {
    this.pending.push({ kind: "secondary", retryAfter, count, target });
    return this;
  }

  /** From now on, fails a seeded share of requests (after any pending fault had its turn). */
  random(settings: RandomFaults): this {
    this.chance = { next: seededRandom(settings.seed), settings };
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
    this.chance = undefined;
  }

  /** The fault for this request, if any (and counts it as used). */
  take(request: { method: string; route: string }): Fault | undefined {
    const index = this.pending.findIndex((f) => matches(f.target, request));
    const fault = this.pending[index];
    if (!fault) return this.draw(request);
    fault.count -= 1;
    if (fault.count <= 0) this.pending.splice(index, 1);
    return fault;
  }

  private draw(request: { method: string; route: string }): Fault | undefined {
    if (!this.chance || !matches(this.chance.settings.target ?? "any", request)) return undefined;
    const { next, settings } = this.chance;
    if (next() < settings.failRate) return { kind: "status", status: 502, count: 1, target: "any" };
    if (isWrite(request) && next() < (settings.appliedFailRate ?? 0)) return { kind: "applied", status: 502, ms: 0, count: 1, target: "write" };
    return undefined;
  }
}

/** Writes to repositories: not GraphQL, not the app's token requests (a test faulting those tests Probot's auth). */
const isWrite = (request: { method: string; route: string }) =>
  request.method !== "GET" && request.method !== "HEAD" && request.route !== "graphql" && !request.route.startsWith("/app/");

function matches(target: FaultTarget, request: { method: string; route: string }): boolean {
  if (typeof target === "function") return target(request);
  if (target === "any") return true;
  if (target === "write") return isWrite(request);
  return (request.route === "graphql") === (target === "graphql");
}
