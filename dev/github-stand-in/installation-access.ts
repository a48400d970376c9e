/**
 * GitHub refuses an installation token's writes to repositories outside its installation (403
 * "Resource not accessible by integration"), even public ones it may read. The stand-in does the
 * same, so a test sees every write the app should never have attempted.
 */
import type { RestResponse } from "./rest-router.js";
import { findRepo, isInstalledOn, type World } from "./world.js";

export function refuseOutsideInstallation(world: World, request: { method: string; route: string; installationId?: number }): RestResponse | null {
  if (request.method === "GET" || request.installationId === undefined) return null;
  const match = /^\/repos\/([^/]+)\/([^/]+)\//.exec(request.route);
  if (!match) return null;
  const repo = findRepo(world, decodeURIComponent(match[1]!), decodeURIComponent(match[2]!));
  const installation = world.installations.find((i) => i.id === request.installationId);
  if (!repo || !installation || isInstalledOn({ ...world, installations: [installation] }, repo)) return null;
  return {
    status: 403,
    body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest", status: "403" },
  };
}
