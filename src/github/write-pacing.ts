/**
 * The Octokit plugin that paces every REST write through one `WritePacer` per process, keyed by
 * installation (the token's owner for a token). It wraps outside the retry and throttling plugins,
 * so one write is paced once whatever they do with it. `writePacingOf(octokit)` tells a caller (the
 * sweep) when its next write could start, so it can leave writes for the next sweep instead of waiting.
 */
import type { Octokit as Core } from "@octokit/core";
import { throttling } from "@octokit/plugin-throttling";
import { createWritePacer, writePacerOptionsFromEnv, type WriteKind, type WritePacer } from "../writes/write-pacer.js";

/** GitHub's list of routes that create content and notify people (issues, comments…), kept by plugin-throttling. */
const triggersNotification = (throttling as unknown as { triggersNotification: (path: string) => boolean }).triggersNotification;

const isGraphql = (url: string) => /^\/graphql\b|\/graphql$/.test(url);
const isAuth = (url: string) => /\/access_tokens$|\/token(\/scoped)?$|\/login\/oauth\//.test(url);

/** What kind of write a request is; null for reads, GraphQL (paced by the request queue) and token requests. */
export function writeKindOf(options: { method?: string; url?: string }): WriteKind | null {
  const method = (options.method ?? "GET").toUpperCase();
  const url = options.url ?? "";
  if (method === "GET" || method === "HEAD" || isGraphql(url) || isAuth(url)) return null;
  const path = decodeURIComponent(new URL(url, "http://github.test").pathname);
  return method === "POST" && triggersNotification(path) ? "content" : "edit";
}

let shared: WritePacer | undefined;

/** The process-wide pacer (from `WRAPUP_WRITE_SPACING_MS`), built on first use. */
export function sharedWritePacer(): WritePacer {
  shared ??= createWritePacer(writePacerOptionsFromEnv());
  return shared;
}

/** Replaces the process-wide pacer (tests). */
export function useSharedWritePacer(pacer: WritePacer): void {
  shared = pacer;
}

export interface WritePacing {
  scope: string;
  /** Epoch ms when a write of this kind could start for this client. */
  nextSlot(kind: WriteKind): number;
}

const pacings = new WeakMap<object, WritePacing>();

/** The pacing of a client built with `paceWrites`; null for other clients (they are not paced). */
export function writePacingOf(octokit: object): WritePacing | null {
  return pacings.get(octokit) ?? null;
}

/**
 * Command replies and reactions (`request: { pacing: "reply" }`) are paced in a lane of their own:
 * still spaced, but never counted against, nor queued before, the follow-ups' budget.
 */
function laneOf(scope: string, options: { request?: unknown }): string {
  return (options.request as { pacing?: unknown } | undefined)?.pacing === "reply" ? `${scope}:replies` : scope;
}

/** Plugin: every REST write waits for its installation's slot. */
export function paceWrites(octokit: Core, octokitOptions: { auth?: unknown }): void {
  const installationId = (octokitOptions.auth as { installationId?: unknown } | undefined)?.installationId;
  const scope = installationId === undefined ? "token" : String(installationId);
  pacings.set(octokit, { scope, nextSlot: (kind) => sharedWritePacer().nextSlot(scope, kind) });
  octokit.hook.wrap("request", async (request, options) => {
    const kind = writeKindOf(options as { method?: string; url?: string });
    if (kind) await sharedWritePacer().take(laneOf(scope, options), kind);
    return request(options);
  });
}
