import { Agent, request } from "node:http";
import { describe, expect, it } from "vitest";
import { createHealthHandler } from "../../src/handlers/health.js";
import { startInternalServer } from "../../src/lifecycle/internal-server.js";

function get(port: number, path: string, agent?: Agent): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host: "127.0.0.1", port, path, agent }, (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    })
      .on("error", reject)
      .end();
  });
}

describe("startInternalServer", () => {
  it("answers its routes, 404 elsewhere, and logs each request at debug only", async () => {
    const debug: object[] = [];
    const server = await startInternalServer({ port: 0, host: "127.0.0.1", routes: [createHealthHandler(() => false)], log: { debug: (fields) => debug.push(fields) } });
    try {
      expect(await get(server.port, "/health")).toEqual({ status: 200, body: '{"status":"ok"}' });
      expect((await get(server.port, "/api/github/webhooks")).status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(debug).toEqual([
        expect.objectContaining({ method: "GET", url: "/health", status: 200 }),
        expect.objectContaining({ method: "GET", url: "/api/github/webhooks", status: 404 }),
      ]);
    } finally {
      await server.close();
    }
  });

  it("closes at once although a scraper keeps its connection alive", async () => {
    const server = await startInternalServer({ port: 0, host: "127.0.0.1", routes: [createHealthHandler()], log: { debug: () => undefined } });
    const agent = new Agent({ keepAlive: true });
    await get(server.port, "/health", agent);
    const started = Date.now();
    await server.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    agent.destroy();
  });

  it("a route that throws answers 500, and the server goes on", async () => {
    const server = await startInternalServer({
      port: 0,
      host: "127.0.0.1",
      routes: [(req) => { if (req.url === "/boom") throw new Error("boom"); return false; }, createHealthHandler()],
      log: { debug: () => undefined },
    });
    try {
      expect((await get(server.port, "/boom")).status).toBe(500);
      expect((await get(server.port, "/health")).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
