/**
 * A real `redis-server` for the tests that coordinate replicas: on a free port, nothing saved to
 * disk, stopped (by its pid) when the test is done. `.ci/run` installs Debian's `redis-server`
 * when it is missing; REDIS_SERVER names another binary.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { Redis } from "ioredis";
import { freePort } from "../../dev/app-process.js";

export interface RedisServer {
  url: string;
  /** A client for the test itself (reading keys the app wrote); closed by `stop`. */
  client: Redis;
  stop: () => Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const binary = process.env.REDIS_SERVER ?? "redis-server";
  const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const spawned = await new Promise<Error | null>((resolve) => {
    child.once("error", resolve);
    child.once("spawn", () => resolve(null));
  });
  if (spawned) throw new Error(`cannot start ${binary} (${spawned.message}): install it (apt-get install redis-server; .ci/run does)`);
  const url = `redis://127.0.0.1:${port}`;
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => 50 });
  // Refused connections while the server starts are expected; `waitUntilReady` retries them.
  client.on("error", () => undefined);
  await waitUntilReady(client, child, () => output);
  return {
    url,
    client,
    stop: async () => {
      client.disconnect();
      await stopChild(child);
    },
  };
}

async function waitUntilReady(client: Redis, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}:\n${output()}`);
    try {
      if (client.status === "wait") await client.connect();
      if ((await client.ping()) === "PONG") return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stopChild(child);
  throw new Error(`redis-server did not answer within 10 s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 3000);
  await exited;
  clearTimeout(timer);
}
