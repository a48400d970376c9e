/** GitHub App endpoints: the app, its installations, installation tokens and repositories. */
import { notFound, paginate, route, type RestRequest, type Route } from "./rest-router.js";
import { repoJson, userJson } from "./rest-json.js";
import { isInstalledOn, findRepo, type WorldInstallation } from "./world.js";

const PERMISSIONS = { metadata: "read", contents: "read", pull_requests: "write", issues: "write" };

function installationJson(request: RestRequest, installation: WorldInstallation) {
  const { world } = request;
  return {
    id: installation.id,
    account: userJson(world, installation.account),
    app_id: world.app.id,
    app_slug: world.app.slug,
    target_type: "Organization",
    repository_selection: installation.repos === "all" ? "all" : "selected",
    permissions: PERMISSIONS,
    events: ["pull_request", "issue_comment", "push", "issues"],
    access_tokens_url: `${request.api}/app/installations/${installation.id}/access_tokens`,
    created_at: "2026-01-01T00:00:00Z",
    updated_at: "2026-01-01T00:00:00Z",
    suspended_at: null,
  };
}

function installationFor(request: RestRequest, owner: string, repo?: string): WorldInstallation | undefined {
  const { world } = request;
  if (repo) {
    const found = findRepo(world, owner, repo);
    if (!found) return undefined;
    return world.installations.find((i) => isInstalledOn({ ...world, installations: [i] }, found));
  }
  return world.installations.find((i) => i.account.toLowerCase() === owner.toLowerCase());
}

function installedRepos(request: RestRequest, installation: WorldInstallation) {
  return Object.values(request.world.repos).filter((repo) => isInstalledOn({ ...request.world, installations: [installation] }, repo));
}

export const appRoutes: Route[] = [
  route(
    "GET",
    "/app",
    ({ world }) => ({
      status: 200,
      body: { id: world.app.id, slug: world.app.slug, name: world.app.name, owner: userJson(world, "wrapup-org"), html_url: `https://github.com/apps/${world.app.slug}`, permissions: PERMISSIONS, events: ["pull_request", "issue_comment", "push", "issues"] },
    }),
    "jwt",
  ),
  route("GET", "/app/installations", (request) => paginate(request, request.world.installations.map((i) => installationJson(request, i))), "jwt"),
  route(
    "GET",
    "/app/installations/:id",
    (request) => {
      const installation = request.world.installations.find((i) => i.id === Number(request.params.id));
      return installation ? { status: 200, body: installationJson(request, installation) } : notFound();
    },
    "jwt",
  ),
  route(
    "GET",
    "/repos/:owner/:repo/installation",
    (request) => {
      const installation = installationFor(request, request.params.owner ?? "", request.params.repo ?? "");
      return installation ? { status: 200, body: installationJson(request, installation) } : notFound();
    },
    "jwt",
  ),
  route(
    "GET",
    "/orgs/:owner/installation",
    (request) => {
      const installation = installationFor(request, request.params.owner ?? "");
      return installation ? { status: 200, body: installationJson(request, installation) } : notFound();
    },
    "jwt",
  ),
  route(
    "GET",
    "/users/:owner/installation",
    (request) => {
      const installation = installationFor(request, request.params.owner ?? "");
      return installation ? { status: 200, body: installationJson(request, installation) } : notFound();
    },
    "jwt",
  ),
  route(
    "POST",
    "/app/installations/:id/access_tokens",
    (request) => {
      const installation = request.world.installations.find((i) => i.id === Number(request.params.id));
      if (!installation) return notFound();
      const expires = new Date(Date.now() + 3600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
      return {
        status: 201,
        body: {
          token: request.issueToken(installation.id),
          expires_at: expires,
          permissions: PERMISSIONS,
          repository_selection: installation.repos === "all" ? "all" : "selected",
        },
      };
    },
    "jwt",
  ),
  // Tokens here act as the app's bot, and GitHub refuses `/user` to integrations.
  route("GET", "/user", () => ({ status: 403, body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest/users/users#get-the-authenticated-user", status: "403" } })),
  route("GET", "/installation/repositories", (request) => {
    const installation = request.world.installations.find((i) => i.id === request.installationId) ?? request.world.installations[0];
    const repos = installation ? installedRepos(request, installation) : [];
    const page = paginate(request, repos.map((repo) => repoJson(request.world, repo, request.api)));
    return { ...page, body: { total_count: repos.length, repository_selection: "selected", repositories: page.body } };
  }),
];
