/**
 * Starts the real server — what `npm start` runs, `node lib/server.js` — against a stand-in,
 * and stops it (its whole process group, so nothing is left behind).
 *
 * It runs from an empty working directory: Probot reads `.env` from there and lets it override the
 * environment, so a developer's `.env` (real APP_ID, smee channel) must not leak into a test.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import type { StandIn } from "./github-stand-in/index.js";

export const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface AppProcess {
  url: string;
  secret: string;
  /** Everything the process printed (pino JSON lines), for assertions and failure messages. */
  output: () => string;
  /** Warnings, errors and summary lines ("… done") of the log: what a failing assertion should show. */
  notableLogs: () => string;
  /** How many log lines so far have this message (e.g. "sweep done"). */
  countLogs: (message: string) => number;
  /** The server process (a replica's lease names it: `<host>:<pid>`). */
  pid: number;
  /** Sends a signal to the process group: SIGTERM shuts down gracefully, SIGKILL is a crash. */
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves with the exit code once the process has exited (null when a signal ended it). */
  exited: Promise<number | null>;
  stop: () => Promise<void>;
}

let privateKey: string | undefined;

/** One RSA key per test process: generating one takes a moment. */
export function testPrivateKey(): string {
  privateKey ??= generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ type: "pkcs1", format: "pem" }).toString();
  return privateKey;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface StartAppOptions {
  standIn: StandIn;
  /** Extra environment, e.g. `WRAPUP_NOW`. */
  env?: Record<string, string>;
  secret?: string;
}

export async function startApp(options: StartAppOptions): Promise<AppProcess> {
  if (!existsSync(new URL("lib/server.js", `file://${REPO_ROOT}`))) {
    throw new Error("lib/server.js is missing: run `npm run build` first (`npm test` does).");
  }
  const port = await freePort();
  const secret = options.secret ?? "e2e-webhook-secret";
  const host = new URL(options.standIn.url).host;
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "test",
    APP_ID: String(options.standIn.world.app.id),
    PRIVATE_KEY: testPrivateKey(),
    WEBHOOK_SECRET: secret,
    GHE_HOST: host,
    GHE_PROTOCOL: "http",
    HOST: "127.0.0.1",
    PORT: String(port),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "info",
    LOG_FORMAT: "json",
    WRAPUP_SWEEP_DISABLED: "1",
    // The stand-in applies a write at once and keeps no secondary-limit score: no need to wait 1 s
    // between writes, nor for a failed create to settle before looking it up. Tests may set them back.
    WRAPUP_WRITE_SPACING_MS: "0",
    WRAPUP_CREATE_SETTLE_MS: "0",
    // Never forward to a smee channel a developer's .env may name.
    WEBHOOK_PROXY_URL: "",
    NO_SMEE_SETUP: "true",
    ...options.env,
  };
  const cwd = mkdtempSync(join(tmpdir(), "wrapup-app-"));
  // A process group of its own, so stopping it stops everything under it.
  const child = spawn(process.execPath, [join(REPO_ROOT, "lib", "server.js")], { cwd, detached: true, stdio: ["ignore", "pipe", "pipe"], env: env as NodeJS.ProcessEnv });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitForHealth(url, child, () => output);
  const countLogs = (message: string) => output.split("\n").filter((line) => line.includes(`"msg":${JSON.stringify(message)}`)).length;
  const notableLogs = () =>
    output
      .split("\n")
      .filter((line) => /"level":(40|50|60)/.test(line) || /"msg":"[^"]* done"/.test(line))
      .join("\n");
  const stop = async () => {
    await stopProcess(child);
    rmSync(cwd, { recursive: true, force: true });
  };
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  return { url, secret, output: () => output, notableLogs, countLogs, pid: child.pid!, kill, exited, stop };
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${url}/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stopProcess(child);
  throw new Error(`the app did not answer ${url}/health within 20 s:\n${output()}`);
}

/** Stops the process group we started. */
export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }, 3000);
  await exited;
  clearTimeout(timer);
}
