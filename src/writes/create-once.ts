/**
 * Every create the app makes (follow-up issues, reminders, closing notes, the status comment, the
 * config-problems issue, command replies) goes through `createOnce`. GitHub may apply a create and
 * still answer 502, time out or drop the connection: sending it again blindly makes a duplicate. So
 * after such an answer we look our own item up by its marker, with a fresh request (never a cache),
 * and create again only when it is not there. Octokit's retry plugin never resends these POSTs on
 * its own (`retryPolicy` in github/client.ts).
 *
 *   const { item, outcome } = await createOnce({
 *     what: "follow-up issue in acme/hackathon",
 *     find: () => findOwnIssue(…),           // fresh look-up of ours by marker; null when absent
 *     create: () => octokit.rest.issues.create(…).then((r) => r.data),
 *   });
 *
 * When the look-up fails too, the outcome is unknown and nothing is sent again: the error says so,
 * and the next run's look-ups (and its duplicate repair) settle it.
 */
import { GithubError, mayHaveApplied, toGithubError } from "../github/errors.js";

export interface CreateOnceInput<T> {
  /** What is created, for errors and logs (e.g. `follow-up issue in acme/hackathon`). */
  what: string;
  /** Our item as GitHub has it now, found by its marker; null when it is not there. Never cached. */
  find: () => Promise<T | null>;
  /** The create request itself. */
  create: () => Promise<T>;
  /** Creates sent at most (default 3). */
  attempts?: number;
  /** Waits before each look-up: a create GitHub timed out on may still be landing (default 1 s, 2 s, 4 s). */
  settleMs?: number[];
  /** Told of each look-up (to count the requests they cost). */
  onLookup?: () => void;
  sleep?: (ms: number) => Promise<void>;
}

export interface CreateOnceResult<T> {
  item: T;
  /** `created`: a create was answered; `found`: one GitHub failed on had landed after all. */
  outcome: "created" | "found";
  /** Look-ups spent (0 when the first create was answered). */
  lookups: number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function createOnce<T>(input: CreateOnceInput<T>): Promise<CreateOnceResult<T>> {
  const attempts = input.attempts ?? 3;
  const settleMs = input.settleMs ?? settleFromEnv() ?? [1_000, 2_000, 4_000];
  const sleep = input.sleep ?? realSleep;
  let lookups = 0;
  let last: GithubError | undefined;
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return { item: await input.create(), outcome: "created", lookups };
    } catch (raw) {
      last = toGithubError(raw);
      if (!mayHaveApplied(last)) throw last;
    }
    await sleep(settleMs[Math.min(attempt, settleMs.length - 1)] ?? 0);
    lookups += 1;
    input.onLookup?.();
    const found = await input.find().catch((raw: unknown) => {
      const error = toGithubError(raw);
      throw new GithubError(error.kind, `${input.what}: GitHub answered "${last!.message}", then the look-up failed (${error.message}); whether it was created is unknown, the next run finds out`);
    });
    if (found !== null) return { item: found, outcome: "found", lookups };
  }
  throw new GithubError(last!.kind, `${input.what}: GitHub failed ${attempts} times (${last!.message}); none of them was applied`);
}

/** `WRAPUP_CREATE_SETTLE_MS=0` for tests against the stand-in, which applies a write at once. */
function settleFromEnv(): number[] | undefined {
  const raw = process.env.WRAPUP_CREATE_SETTLE_MS;
  const ms = Number(raw);
  return raw && Number.isFinite(ms) && ms >= 0 ? [ms] : undefined;
}
