import type { Probot } from "probot";
import { countDelivery, trackDeliveryStart, type DeliveryOutcome } from "../metrics/metrics.js";

export interface DeliveryTracker {
  /** From now on, deliveries are answered 503 and never handled (graceful shutdown). */
  stopTaking(): void;
  readonly taking: boolean;
  /** Resolves when every delivery taken so far has finished its handlers. */
  idle(): Promise<void>;
  readonly inFlight: number;
}

type VerifyAndReceive = Probot["webhooks"]["verifyAndReceive"];

/**
 * Every delivery Probot's webhook route takes passes through `webhooks.verifyAndReceive`, which
 * runs our handlers. Wrapping that one function gives what no Probot option does: deliveries
 * counted by event and outcome, the ones still running (Probot answers GitHub after 9 s and lets
 * handlers go on, so open requests do not tell), and a 503 once the process is shutting down —
 * Probot's route answers with the `status` of the error it gets.
 */
/** A delivery still running after this long is logged as a warning (`WRAPUP_SLOW_DELIVERY_MS`, default 60 s). */
export const SLOW_DELIVERY_MS = 60_000;

export function trackDeliveries(app: Probot, slowAfterMs: number = slowDeliveryFromEnv()): DeliveryTracker {
  const webhooks = app.webhooks;
  const receive: VerifyAndReceive = webhooks.verifyAndReceive;
  const running = new Set<Promise<void>>();
  let taking = true;

  webhooks.verifyAndReceive = async (event) => {
    if (!taking) {
      countDelivery(event.name, "refused");
      const refusal = Object.assign(new Error("shutting down: deliver to another replica"), { status: 503 });
      throw new AggregateError([refusal], refusal.message);
    }
    const started = performance.now();
    const done = trackDeliveryStart();
    const work = receive(event);
    running.add(work);
    // Nothing else would tell: Probot answered GitHub long ago, and a hanging request logs nothing.
    const slow = setTimeout(() => {
      app.log.warn({ event: event.name, id: event.id, seconds: Math.round(slowAfterMs / 1000) }, "delivery still running");
    }, slowAfterMs);
    slow.unref();
    let outcome: DeliveryOutcome = "handled";
    try {
      await work;
    } catch (error) {
      outcome = statusOf(error) === 400 ? "rejected" : "failed";
      throw error;
    } finally {
      clearTimeout(slow);
      running.delete(work);
      done();
      countDelivery(event.name, outcome, (performance.now() - started) / 1000);
    }
  };

  return {
    stopTaking: () => {
      taking = false;
    },
    get taking() {
      return taking;
    },
    idle: async () => {
      while (running.size > 0) await Promise.allSettled([...running]);
    },
    get inFlight() {
      return running.size;
    },
  };
}

function slowDeliveryFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  const ms = Number(env.WRAPUP_SLOW_DELIVERY_MS);
  return env.WRAPUP_SLOW_DELIVERY_MS && Number.isFinite(ms) && ms > 0 ? ms : SLOW_DELIVERY_MS;
}

/** The HTTP status @octokit/webhooks gives a failure: on the first error of its AggregateError. */
function statusOf(error: unknown): number | undefined {
  const first = (error as { errors?: unknown[] }).errors?.[0] as { status?: unknown } | undefined;
  return typeof first?.status === "number" ? first.status : undefined;
}
