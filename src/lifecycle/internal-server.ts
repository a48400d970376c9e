import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Route = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

export interface InternalServer {
  port: number;
  close(): Promise<void>;
}

export interface InternalServerOptions {
  port: number;
  host: string;
  routes: Route[];
  /** Each request: health checks and scrapes come every few seconds, so they are debug lines. */
  log: { debug: (fields: object, message: string) => void };
}

/**
 * The port for what only the operator's own machines ask: `/metrics` (whose labels name
 * installations) and `/health` for container health checks. Not the webhook port: a deployment
 * publishes the webhook port and keeps this one on its private network (METRICS_PORT).
 */
export async function startInternalServer(options: InternalServerOptions): Promise<InternalServer> {
  const server = createServer((req, res) => {
    const started = Date.now();
    res.on("finish", () => options.log.debug({ method: req.method, url: req.url, status: res.statusCode, ms: Date.now() - started }, "internal request"));
    void answer(options.routes, req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen({ port: options.port, host: options.host }, resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection would hold close() open until it times out.
        server.closeAllConnections();
      }),
  };
}

async function answer(routes: Route[], req: IncomingMessage, res: ServerResponse): Promise<void> {
  try {
    for (const route of routes) if (await route(req, res)) return;
    res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
  } catch {
    if (!res.headersSent) res.writeHead(500).end();
  }
}
