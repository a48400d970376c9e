import { generateKeyPairSync } from "node:crypto";
import { Probot, Server } from "probot";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import wrapupTracker from "../../src/index.js";
import { clockFromEnv } from "../../src/handlers/app-deps.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});

describe("the app entry", () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    process.env.WRAPUP_SWEEP_DISABLED = "1";
    server = new Server({
      port: 0,
      host: "127.0.0.1",
      Probot: Probot.defaults({ appId: 1, privateKey, secret: "test-secret", logLevel: "fatal" }),
      enableStaticFiles: false,
    });
    await server.load(wrapupTracker);
    await server.start();
    base = `http://127.0.0.1:${server.port}`;
  });

  afterAll(async () => {
    await server.stop();
    delete process.env.WRAPUP_SWEEP_DISABLED;
  });

  it("answers GET /health with 200", async () => {
    const response = await fetch(`${base}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("leaves other paths to Probot (404)", async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(404);
  });
});

describe("clockFromEnv", () => {
  it("freezes the clock at WRAPUP_NOW", () => {
    expect(clockFromEnv({ WRAPUP_NOW: "2026-11-21T12:00:00Z" })().toISOString()).toBe("2026-11-21T12:00:00.000Z");
  });
  it("uses the real clock otherwise (and for an unreadable value)", () => {
    const before = Date.now();
    const now = clockFromEnv({ WRAPUP_NOW: "soon" })().getTime();
    expect(now).toBeGreaterThanOrEqual(before);
  });
});
