/** The GraphQL point budget of the stand-in: a window of `limit` points that resets every `resetSeconds`. */

export class PointBudget {
  limit: number;
  remaining: number;
  used = 0;
  /** Epoch milliseconds. */
  resetAt: number;
  readonly resetSeconds: number;

  constructor(limit = 5000, resetSeconds = 3600) {
    this.limit = limit;
    this.remaining = limit;
    this.resetSeconds = resetSeconds;
    this.resetAt = Date.now() + resetSeconds * 1000;
  }

  /** Starts a new window when the current one has ended. */
  refresh(now = Date.now()): void {
    if (now < this.resetAt) return;
    this.remaining = this.limit;
    this.used = 0;
    this.resetAt = now + this.resetSeconds * 1000;
  }

  /** Spends `cost` points; false (and nothing spent) when the budget cannot cover it. */
  spend(cost: number): boolean {
    this.refresh();
    if (this.remaining < cost) return false;
    this.remaining -= cost;
    this.used += cost;
    return true;
  }

  /** Empties the budget now; it comes back `seconds` later (GitHub's "exhausted, wait for reset"). */
  exhaust(seconds: number): void {
    this.used += this.remaining;
    this.remaining = 0;
    this.resetAt = Date.now() + seconds * 1000;
  }

  headers(): Record<string, string> {
    return {
      "x-ratelimit-limit": String(this.limit),
      "x-ratelimit-remaining": String(this.remaining),
      "x-ratelimit-used": String(this.used),
      "x-ratelimit-reset": String(Math.ceil(this.resetAt / 1000)),
      "x-ratelimit-resource": "graphql",
    };
  }
}
