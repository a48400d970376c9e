import { observeSweep } from "./metrics.js";

/** Runs one repository's sweep and records how long it took and how it ended (`failed` when it threw). */
export async function timeSweep<T extends { status: string }>(trigger: "schedule" | "push" | "dashboard", sweep: () => Promise<T>): Promise<T> {
  const started = performance.now();
  let status = "failed";
  try {
    const summary = await sweep();
    status = summary.status;
    return summary;
  } finally {
    observeSweep(trigger, status, (performance.now() - started) / 1000);
  }
}
