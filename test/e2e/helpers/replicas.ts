/** Reading two replicas' logs, metrics and leases (see replicas.test.ts and shutdown.test.ts). */
import type { RedisServer } from "../../helpers/redis-server.js";
import type { AppProcess } from "./app-process.js";
import { HACKATHON } from "./e2e-world.js";

/** Log lines of one message, parsed (pino JSON). */
export function logsOf(app: AppProcess, message: string): Record<string, unknown>[] {
  return app
    .output()
    .split("\n")
    .filter((line) => line.includes(`"msg":${JSON.stringify(message)}`))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** The value of one series in a Prometheus text exposition (0 when absent). */
export function seriesValue(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

/** Both replicas run the sweep timer: a look every 300 ms, the first 200 ms after start. */
export const SCHEDULER_ENV = { WRAPUP_SWEEP_DISABLED: "0", WRAPUP_SWEEP_TICK_MINUTES: String(0.3 / 60), WRAPUP_SWEEP_FIRST_DELAY_MS: "200" };
export const SWEEP_LEASE = `wrapup-tracker:lease:sweep:${HACKATHON}`;

/** The replica a lease value names: `<host>:<pid> <nonce> <fence>`. */
export function holderOf(lease: string | null, replicas: AppProcess[]): AppProcess | undefined {
  return replicas.find((app) => lease?.split(" ")[0]?.endsWith(`:${app.pid}`));
}

/** Milliseconds from `since` until `app` holds the sweep lease (polled every 25 ms, 15 s at most). */
export async function waitForLeaseHolder(redis: RedisServer, app: AppProcess, since: number): Promise<number> {
  while (Date.now() - since < 15_000) {
    if (holderOf(await redis.client.get(SWEEP_LEASE), [app])) return Date.now() - since;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`replica ${app.pid} never took the sweep lease`);
}
