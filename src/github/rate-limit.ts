/** What GitHub reports about the GraphQL budget: `rateLimit { cost remaining resetAt limit }`. */
export interface RateLimitInfo {
  cost: number;
  remaining: number;
  limit: number;
  /** Epoch ms. */
  resetAt: number;
}

/** Fragment every batched query asks for, so the queue can pause before the budget runs out. */
export const RATE_LIMIT_FIELDS = "rateLimit { cost remaining resetAt limit }";

/** Reads `rateLimit` from a GraphQL `data` object; undefined when absent or malformed. */
export function readRateLimit(data: unknown): RateLimitInfo | undefined {
  const raw = (data as { rateLimit?: Record<string, unknown> } | null | undefined)?.rateLimit;
  if (!raw) return undefined;
  const resetAt = Date.parse(String(raw.resetAt));
  const info = { cost: Number(raw.cost), remaining: Number(raw.remaining), limit: Number(raw.limit), resetAt };
  return Object.values(info).every(Number.isFinite) ? info : undefined;
}
