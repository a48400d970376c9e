import type { Coordination } from "../coordination/coordination.js";
import type { SweepScheduler } from "../sweep/sweep-scheduler.js";
import type { DeliveryTracker } from "./track-deliveries.js";

/** What a running app is made of, as far as stopping it goes. */
export interface AppRuntime {
  deliveries: DeliveryTracker;
  coordination: Coordination;
  scheduler?: SweepScheduler;
  /** The METRICS_PORT server; closed last, so health checks see `draining` until the end. */
  internal?: { close(): Promise<void> };
  log: ShutdownLog;
}

export interface ShutdownLog {
  info: (fields: object, message: string) => void;
  warn: (fields: object, message: string) => void;
}

export interface ShutdownOptions {
  /** Longest wait for in-flight deliveries and the running sweep (default 25 s). */
  timeoutMs?: number;
  /** Closes the HTTP server (Probot's `server.stop`). */
  stopServer?: () => Promise<void>;
  log: ShutdownLog;
}

export type ShutdownOutcome = "finished" | "timed-out";

/** Unref'd: a pending timeout never keeps the process alive. */
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * 1. stop taking deliveries (they get 503, `/health` says draining) → 2. stop the sweep timer →
 * 3. let in-flight deliveries and the running sweep finish, up to `timeoutMs` → 4. hand back every
 * lease still held (another replica takes over at once instead of after the lease's TTL) and
 * disconnect from Redis → 5. close the server. Work cut off at step 3 is safe to redo: every write
 * looks before it writes, and an unfinished sweep was never recorded, so the repository stays due.
 */
export async function shutDown(runtime: AppRuntime, options: ShutdownOptions): Promise<ShutdownOutcome> {
  const timeoutMs = options.timeoutMs ?? 25_000;
  runtime.deliveries.stopTaking();
  runtime.scheduler?.stop();
  options.log.info({ inFlight: runtime.deliveries.inFlight, timeoutMs }, "shutting down: no new deliveries, finishing in-flight work");
  const settled = Promise.all([runtime.deliveries.idle(), runtime.scheduler?.idle()]).then(() => "finished" as const);
  const outcome = await Promise.race([settled, sleep(timeoutMs).then(() => "timed-out" as const)]);
  if (outcome === "timed-out") options.log.warn({ inFlight: runtime.deliveries.inFlight }, "shutdown timeout: handing back unfinished work");
  await runtime.coordination.close();
  await Promise.race([options.stopServer?.(), sleep(1_000)]);
  await Promise.race([runtime.internal?.close(), sleep(1_000)]);
  return outcome;
}

/** SIGTERM (containers, Kubernetes) and SIGINT (Ctrl-C): shut down once, then exit (1 when work was cut off). */
export function exitGracefullyOnSignals(runtime: AppRuntime, options: ShutdownOptions): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    options.log.info({ signal }, "signal received");
    shutDown(runtime, options).then(
      (outcome) => {
        options.log.info({ outcome }, "shut down");
        process.exit(outcome === "finished" ? 0 : 1);
      },
      (error: unknown) => {
        options.log.warn({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
