/**
 * A local GitHub stand-in for tests and the demo, laid out like GitHub Enterprise Server:
 * REST under `/api/v3`, GraphQL at `/api/graphql` — so Probot with `GHE_HOST=127.0.0.1:<port>` and
 * `GHE_PROTOCOL=http`, and the CLIs with `--api-url <url>/api/v3`, talk to it unchanged.
 * Every request is recorded; faults are injected through `faults`.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Faults, type Fault } from "./faults.js";
import { answerGraphql } from "./graphql-handler.js";
import { PointBudget } from "./points.js";
import { appRoutes } from "./rest-app-routes.js";
import { issueRoutes } from "./rest-issue-routes.js";
import { refuseOutsideInstallation } from "./installation-access.js";
import { repoRoutes } from "./rest-repo-routes.js";
import { matchRoute, type RestResponse } from "./rest-router.js";
import { worldNow, type World } from "./world.js";

export interface StandInOptions {
  world: World;
  /** Delay before every response (GitHub is ~100 ms away). Default 0. */
  latencyMs?: number;
  /** Default 0: a free port. */
  port?: number;
  /** GraphQL points per window. Default 5000. */
  pointsLimit?: number;
  /** Length of a rate-limit window in seconds. Default 3600. */
  resetSeconds?: number;
  /**
   * Who tokens the stand-in did not issue act as (a PAT, a workflow's GITHUB_TOKEN).
   * Default: the app's bot, like installation tokens; `github-actions[bot]` for Action mode.
   */
  tokenActor?: string;
  /** GitHub's clock against the host's, in ms (negative: behind); sets `world.clockOffsetMs`. */
  clockOffsetMs?: number;
}

export interface RecordedRequest {
  method: string;
  /** Full path, e.g. `/api/v3/repos/o/r/issues`. */
  path: string;
  /** Path under the API root (`/repos/o/r/issues`), or `graphql`. */
  route: string;
  query: Record<string, string>;
  body: unknown;
  status: number;
  /** GraphQL points charged. */
  cost?: number;
  /** The injected fault that answered it, if one did. */
  fault?: Fault["kind"];
  /** GraphQL `errors[].type` values in the answer (e.g. NOT_FOUND, RATE_LIMITED). */
  graphqlErrors?: string[];
  /** Login the token acts as. */
  actor: string;
  at: number;
}

export interface StandIn {
  url: string;
  apiUrl: string;
  graphqlUrl: string;
  requests: RecordedRequest[];
  world: World;
  faults: Faults;
  points: PointBudget;
  /** Successful POST/PATCH/PUT/DELETE requests: what the app wrote. */
  writes(): RecordedRequest[];
  close(): Promise<void>;
}

const ROUTES = [...appRoutes, ...repoRoutes, ...issueRoutes];

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const raw = typeof body === "string" ? body : body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(raw);
}

function decodeJwtIssuer(jwt: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8")) as { iss?: unknown };
    return payload.iss === undefined ? undefined : String(payload.iss);
  } catch {
    return undefined;
  }
}

export async function startStandIn(options: StandInOptions): Promise<StandIn> {
  const { world } = options;
  if (options.clockOffsetMs !== undefined) world.clockOffsetMs = options.clockOffsetMs;
  const points = new PointBudget(options.pointsLimit, options.resetSeconds);
  const faults = new Faults(points);
  const requests: RecordedRequest[] = [];
  const tokens = new Map<string, number>();
  const timers = new Set<NodeJS.Timeout>();
  const botLogin = `${world.app.slug}[bot]`;
  let restUsed = 0;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => (timers.delete(timer), resolve()), ms);
      timers.add(timer);
    });

  const issueToken = (installationId: number) => {
    const token = `ghs_${randomBytes(18).toString("hex")}`;
    tokens.set(token, installationId);
    return token;
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const method = req.method ?? "GET";
    const body = await readBody(req);
    const isGraphql = url.pathname === "/api/graphql" || url.pathname === "/graphql";
    const route = isGraphql ? "graphql" : url.pathname.replace(/^\/api\/v3/, "") || "/";
    const auth = String(req.headers.authorization ?? "");
    const credential = auth.replace(/^(bearer|token)\s+/i, "");
    const isJwt = /^bearer\s/i.test(auth) && credential.split(".").length === 3;
    const installationId = tokens.get(credential);
    const actor = !credential ? "anonymous" : installationId !== undefined || isJwt ? botLogin : (options.tokenActor ?? botLogin);
    const record: RecordedRequest = { method, path: url.pathname, route, query: Object.fromEntries(url.searchParams), body, status: 0, actor, at: Date.now() };
    requests.push(record);
    const reply = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      record.status = status;
      // GitHub's clock, as GitHub tells it: clients that look up "since" must use this one, not theirs.
      send(res, status, payload, { date: worldNow(world).toUTCString(), "x-github-request-id": randomBytes(8).toString("hex"), ...headers });
    };

    await wait((options.latencyMs ?? 0) + faults.latencyMs);
    const fault = faults.take({ method, route });
    if (fault && fault.kind !== "applied") {
      record.fault = fault.kind;
      if (fault.kind === "status") return reply(fault.status, { message: "Server Error" });
      // Silence: no status, no headers, no body; `close()` ends the connection.
      if (fault.kind === "hang") return;
      if (fault.kind === "timeout") {
        await wait(fault.ms);
        return reply(504, { message: "We couldn't respond to your request in time. Sorry about that. Please try resubmitting your request and contact us if the problem persists." });
      }
      return reply(
        403,
        { message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.", documentation_url: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits" },
        fault.retryAfter === null ? {} : { "retry-after": String(fault.retryAfter) },
      );
    }

    // Applied, then failed: the handler below runs (the world changes), the client gets the error.
    const applied = fault?.kind === "applied" ? fault : undefined;
    if (applied) record.fault = "applied";
    const answerWith = async (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      if (!applied) return reply(status, payload, headers);
      await wait(applied.ms);
      return reply(applied.status, applied.status === 504 ? { message: "We couldn't respond to your request in time." } : { message: "Server Error" });
    };

    if (isGraphql) {
      if (method !== "POST") return reply(404, { message: "Not Found" });
      if (!credential) return reply(401, { message: "This endpoint requires you to be authenticated.", documentation_url: "https://docs.github.com/graphql/guides/forming-calls-with-graphql#authenticating-with-graphql" });
      faults.beforeGraphql();
      const answer = await answerGraphql(world, points, (body ?? {}) as Record<string, unknown>, actor);
      record.cost = answer.cost;
      const errors = (answer.body.errors ?? []) as { type?: string }[];
      if (errors.length) record.graphqlErrors = errors.map((e) => e.type ?? "INVALID");
      return answerWith(answer.status, answer.body, points.headers());
    }

    const matched = matchRoute(ROUTES, method, route);
    if (!matched) return reply(404, { message: "Not Found", documentation_url: "https://docs.github.com/rest" });
    if (matched.route.auth === "jwt" && (!isJwt || decodeJwtIssuer(credential) !== String(world.app.id))) {
      return reply(401, { message: "A JSON web token could not be decoded", documentation_url: "https://docs.github.com/rest" });
    }
    if (matched.route.auth === "token" && method !== "GET" && !credential) {
      return reply(401, { message: "Requires authentication", documentation_url: "https://docs.github.com/rest" });
    }
    restUsed += 1;
    const refused = refuseOutsideInstallation(world, { method, route, installationId });
    if (refused) return reply(refused.status, refused.body);
    const origin = `http://${req.headers.host ?? "127.0.0.1"}`;
    const answer: RestResponse = matched.route.handler({
      world,
      method,
      params: matched.params,
      query: url.searchParams,
      body,
      headers: req.headers,
      api: `${origin}/api/v3`,
      path: route,
      actor,
      installationId,
      issueToken,
    });
    const rateHeaders = { "x-ratelimit-limit": "5000", "x-ratelimit-remaining": String(Math.max(0, 5000 - restUsed)), "x-ratelimit-used": String(restUsed), "x-ratelimit-reset": String(Math.ceil(Date.now() / 1000) + 3600), "x-ratelimit-resource": "core" };
    return answerWith(answer.status, answer.raw ?? answer.body, { ...rateHeaders, ...answer.headers });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: error instanceof Error ? error.message : String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    apiUrl: `${url}/api/v3`,
    graphqlUrl: `${url}/api/graphql`,
    requests,
    world,
    faults,
    points,
    writes: () => requests.filter((r) => r.method !== "GET" && r.route !== "graphql" && !r.route.startsWith("/app/") && r.status >= 200 && r.status < 300),
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
