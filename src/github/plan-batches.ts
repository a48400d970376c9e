/**
 * Batch sizing by GitHub's cost rules (docs: "Rate limits and node limits for the GraphQL API").
 * A query costs ⌈(connections asked, each multiplied by its parents' first/last) / 100⌉ points,
 * at least 1, whatever the number of aliases; a query may ask for at most 500,000 nodes and must finish
 * within 10 s. Lookups without connections are therefore free beyond the first point, and the
 * limits that matter are time and node count. We aim at 100 targets per query (⌈N/100⌉ requests)
 * and let heavy targets (ambiguous branches with many candidates) shrink a batch, never below 50
 * targets, so a plan never has more than ⌈N/50⌉ requests.
 */
import type { LinkTarget } from "./link-targets.js";
import { sameRepoBase } from "./link-targets.js";

export interface BatchLimits {
  /** Most targets (aliases) per query. */
  maxTargets: number;
  /** Most top-level lookups per query (a branch asks one ref per candidate): bounds query time. */
  maxLookups: number;
  /** A batch is never cut below this many targets for weight alone. */
  minTargets: number;
}

export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxTargets: 100, maxLookups: 200, minTargets: 50 };

/** Top-level lookups a target asks for: one per branch candidate (plus a compare), one otherwise. */
export function lookupsOf(target: LinkTarget): number {
  if (target.kind !== "branch") return 1;
  return (target.candidates?.length ?? 1) + (sameRepoBase(target) ? 1 : 0);
}

/** Connections a target asks for, each counting as one request in GitHub's cost formula. */
export function connectionsOf(target: LinkTarget): number {
  switch (target.kind) {
    // One per connection in the fragments (src/github/queries/fragments.ts).
    case "pull":
      return 3;
    case "issue":
      return 2;
    case "issue-or-pull":
      return 5;
    case "branch":
      return target.candidates?.length ?? 1;
    case "discussion":
    case "commit":
      return 0;
  }
}

/** Points GitHub will charge for one query over these targets. */
export function estimatePoints(targets: readonly LinkTarget[]): number {
  const requests = targets.reduce((sum, t) => sum + connectionsOf(t), 0);
  return Math.max(1, Math.round(requests / 100));
}

/** Splits targets into batches, in order, each within the limits. */
export function planBatches(targets: readonly LinkTarget[], limits: BatchLimits = DEFAULT_BATCH_LIMITS): LinkTarget[][] {
  const batches: LinkTarget[][] = [];
  let current: LinkTarget[] = [];
  let lookups = 0;
  for (const target of targets) {
    const weight = lookupsOf(target);
    const full = current.length >= limits.maxTargets;
    const heavy = current.length >= limits.minTargets && lookups + weight > limits.maxLookups;
    if (current.length > 0 && (full || heavy)) {
      batches.push(current);
      current = [];
      lookups = 0;
    }
    current.push(target);
    lookups += weight;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Halves of a batch, for a retry after GitHub gave up on the whole. */
export function splitBatch<T>(batch: readonly T[]): [T[], T[]] {
  const middle = Math.ceil(batch.length / 2);
  return [batch.slice(0, middle), batch.slice(middle)];
}
