import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { CliIo } from "./io.js";

export type SweepCredentials =
  | { kind: "app"; appId: string; privateKey: string }
  | { kind: "token"; token: string }
  | { kind: "none"; reason: string };

/**
 * App credentials (APP_ID + PRIVATE_KEY or PRIVATE_KEY_PATH) win over a token (`--token`, else
 * GITHUB_TOKEN): the sweep then writes as the app, like the scheduled one does.
 */
export async function readSweepCredentials(io: CliIo, token: string | undefined): Promise<SweepCredentials> {
  const appId = io.env.APP_ID;
  if (appId) {
    const key = await readPrivateKey(io);
    if (typeof key === "string") return { kind: "app", appId, privateKey: key };
    return { kind: "none", reason: key.reason };
  }
  const found = token ?? io.env.GITHUB_TOKEN;
  if (found) return { kind: "token", token: found };
  return {
    kind: "none",
    reason: "no credentials: set APP_ID with PRIVATE_KEY or PRIVATE_KEY_PATH (the app), or GITHUB_TOKEN / --token",
  };
}

async function readPrivateKey(io: CliIo): Promise<string | { reason: string }> {
  if (io.env.PRIVATE_KEY) return decodeKey(io.env.PRIVATE_KEY);
  if (!io.env.PRIVATE_KEY_PATH) return { reason: "APP_ID is set but neither PRIVATE_KEY nor PRIVATE_KEY_PATH is" };
  try {
    return await readFile(resolve(io.cwd, io.env.PRIVATE_KEY_PATH), "utf8");
  } catch (error) {
    return { reason: `cannot read PRIVATE_KEY_PATH ${io.env.PRIVATE_KEY_PATH}: ${(error as Error).message}` };
  }
}

/** Keys in env vars often come with `\n` escapes or base64-encoded (as Probot accepts them). */
function decodeKey(raw: string): string {
  if (raw.includes("-----BEGIN")) return raw.replace(/\\n/g, "\n");
  const decoded = Buffer.from(raw, "base64").toString("utf8");
  return decoded.includes("-----BEGIN") ? decoded : raw;
}

/** `--api-url`, else GITHUB_API_URL, else GHE_HOST (as Probot reads it), else api.github.com. */
export function resolveApiUrl(io: CliIo, flag: string | undefined): string {
  if (flag) return flag.replace(/\/+$/, "");
  if (io.env.GITHUB_API_URL) return io.env.GITHUB_API_URL.replace(/\/+$/, "");
  if (io.env.GHE_HOST) return `${io.env.GHE_PROTOCOL || "https"}://${io.env.GHE_HOST}/api/v3`;
  return "https://api.github.com";
}
