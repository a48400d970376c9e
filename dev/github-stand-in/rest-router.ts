/** A tiny REST router for the stand-in, plus GitHub's page/per_page pagination with a Link header. */
import type { World } from "./world.js";

export interface RestRequest {
  world: World;
  method: string;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  /** `http://host:port/api/v3`, for the URLs inside responses. */
  api: string;
  /** Path under the API root, e.g. `/repos/o/r/issues`. */
  path: string;
  /** Login of the token's owner (the app's bot for installation tokens). */
  actor: string;
  /** The installation whose token authenticated the request, if any. */
  installationId?: number;
  /** Hands out an installation access token (remembered by the server). */
  issueToken: (installationId: number) => string;
}

export interface RestResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sent as is (for the raw media type). */
  raw?: string;
}

export type RestHandler = (request: RestRequest) => RestResponse;

export interface Route {
  method: string;
  pattern: RegExp;
  handler: RestHandler;
  /** App routes authenticate with the app's JWT; the others with a token. */
  auth: "jwt" | "token";
}

/** `"/repos/:owner/:repo/issues/:number"` → a RegExp with named groups; `*path` takes the rest. */
export function route(method: string, path: string, handler: RestHandler, auth: Route["auth"] = "token"): Route {
  const source = path
    .split("/")
    .map((part) => (part.startsWith(":") ? `(?<${part.slice(1)}>[^/]+)` : part.startsWith("*") ? `(?<${part.slice(1)}>.*)` : part.replace(/[.]/g, "\\.")))
    .join("/");
  return { method, pattern: new RegExp(`^${source}$`), handler, auth };
}

export function matchRoute(routes: Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    const params: Record<string, string> = {};
    for (const [key, value] of Object.entries(match.groups ?? {})) params[key] = decodeURIComponent(value);
    return { route: candidate, params };
  }
  return undefined;
}

export function notFound(): RestResponse {
  return { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" } };
}

export function unprocessable(message: string): RestResponse {
  return { status: 422, body: { message: "Validation Failed", errors: [{ message }], documentation_url: "https://docs.github.com/rest", status: "422" } };
}

/** GitHub's `page`/`per_page` pagination: one page of items and the Link header to the others. */
export function paginate<T>(request: RestRequest, items: readonly T[]): RestResponse & { body: T[] } {
  const perPage = Math.min(100, Math.max(1, Number(request.query.get("per_page") ?? 30) || 30));
  const page = Math.max(1, Number(request.query.get("page") ?? 1) || 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const body = items.slice((page - 1) * perPage, page * perPage);
  const link = (n: number, rel: string) => {
    const query = new URLSearchParams(request.query);
    query.set("per_page", String(perPage));
    query.set("page", String(n));
    return `<${request.api}${request.path}?${query.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"), link(1, "first"));
  if (page < last) links.push(link(page + 1, "next"), link(last, "last"));
  return { status: 200, body, headers: links.length ? { link: links.join(", ") } : {} };
}
