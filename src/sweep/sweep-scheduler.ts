/**
 * Runs the sweep every `everyHours`, jittered so that many app instances (or restarts) do not hit
 * GitHub at the same minute. A sweep still running when the next tick comes is not started twice.
 * The timer is `unref()`ed: it never keeps the process alive on its own. Replicas each run one;
 * which of them sweeps a repository is settled per repository (see coordination/sweep-if-due.ts).
 */
export interface SweepScheduler {
  /** Runs a sweep now unless one is in flight; resolves when it ends (or with the running one). */
  runNow(): Promise<void>;
  /** No further sweeps; the one in flight, if any, goes on (`idle` waits for it). */
  stop(): void;
  /** Resolves when no sweep is running (at once when none is). */
  idle(): Promise<void>;
}

export interface SchedulerOptions {
  everyHours: number;
  /** Share of the period added at random to each wait (default 10%). */
  jitterRatio?: number;
  /** Delay before the first sweep (default: one jittered period). */
  firstDelayMs?: number;
  random?: () => number;
  onError?: (error: unknown) => void;
}

export function startSweepScheduler(sweep: () => Promise<void>, options: SchedulerOptions): SweepScheduler {
  const periodMs = options.everyHours * 3_600_000;
  const jitter = () => Math.floor((options.random ?? Math.random)() * periodMs * (options.jitterRatio ?? 0.1));
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const runNow = (): Promise<void> => {
    inFlight ??= sweep()
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    timer = setTimeout(() => {
      void runNow().finally(() => schedule(periodMs + jitter()));
    }, delayMs);
    timer.unref();
  };

  schedule(options.firstDelayMs ?? periodMs + jitter());
  return {
    runNow,
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
    idle: async () => {
      await inFlight;
    },
  };
}

/** `WRAPUP_SWEEP_DISABLED=1` turns the in-process timer off (tests, or a CLI sweep from cron). */
export function isSweepTimerDisabled(env: NodeJS.ProcessEnv): boolean {
  return env.WRAPUP_SWEEP_DISABLED === "1" || env.WRAPUP_SWEEP_DISABLED === "true";
}
