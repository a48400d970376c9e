import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctokit } from "../../src/github/client.js";
import { toGithubError } from "../../src/github/errors.js";
import { fetchWithTimeout, GithubTimeoutError, githubTimeoutFromEnv } from "../../src/github/request-timeout.js";

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Answers `/fast` at once; `/slow-body` sends its headers and half a body, then nothing more. */
let server: Server;
let base: string;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    if (req.url?.startsWith("/fast")) return void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
    res.write('{"partial":');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("fetchWithTimeout", () => {
  it("hands on a whole answer that came in time", async () => {
    const response = await fetchWithTimeout(1_000)(`${base}/fast`);
    expect(await response.json()).toEqual({ ok: true });
    expect(response.url).toBe(`${base}/fast`);
  });

  it("gives up on a body that stops coming, naming the request", async () => {
    const started = performance.now();
    await expect(fetchWithTimeout(300)(`${base}/slow-body?page=2`, { method: "GET" })).rejects.toThrow(new GithubTimeoutError(`GET ${base}/slow-body`, 300));
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it.each([
    [{}, 30_000],
    [{ WRAPUP_GITHUB_TIMEOUT_MS: "1500" }, 1_500],
    [{ WRAPUP_GITHUB_TIMEOUT_MS: "soon" }, 30_000],
    [{ WRAPUP_GITHUB_TIMEOUT_MS: "0" }, 30_000],
  ])("reads the deadline from %j", (env, ms) => {
    expect(githubTimeoutFromEnv(env)).toBe(ms);
  });
});

describe("the client's deadline", () => {
  it("a REST read whose body stalls: retried, then a `timeout` error naming it", async () => {
    hits.length = 0;
    const octokit = createOctokit({ token: "t", apiUrl: base, timeoutMs: 200, log: quiet });
    const error = await octokit.request("GET /slow-body").then(() => null, (raw: unknown) => toGithubError(raw));
    expect(error?.kind).toBe("timeout");
    expect(error?.message).toBe(`GitHub did not answer within 0.2 s: GET ${base}/slow-body`);
    expect(hits).toEqual(Array(4).fill("GET /slow-body"));
  }, 30_000);

  it("nothing listening: `unreachable` at once, never retried", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const octokit = createOctokit({ token: "t", apiUrl: `http://127.0.0.1:${port}`, log: quiet });
    const started = performance.now();
    const error = await octokit.request("GET /repos/a/b").then(() => null, (raw: unknown) => toGithubError(raw));
    expect(error?.kind).toBe("unreachable");
    expect(performance.now() - started).toBeLessThan(900);
  });
});
