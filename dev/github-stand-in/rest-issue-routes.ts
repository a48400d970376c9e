/** Issue endpoints that read and write: issues, issue comments, reactions, labels. Writes change the world. */
import { commentJson, issueJson, labelJson, reactionJson } from "./rest-json.js";
import { notFound, paginate, route, unprocessable, type RestRequest, type RestResponse, type Route } from "./rest-router.js";
import { withRepo } from "./rest-repo-routes.js";
import { findComment, makeComment, nextId, nextNumber, worldNow, type World, type ReactionContent, type WorldIssue, type WorldPull, type WorldRepo } from "./world.js";

const REACTIONS: readonly ReactionContent[] = ["+1", "-1", "laugh", "confused", "heart", "hooray", "rocket", "eyes"];

function isoNow(world: World): string {
  return worldNow(world).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function itemOf(repo: WorldRepo, number: string | undefined): WorldIssue | WorldPull | undefined {
  return repo.issues[Number(number)] ?? repo.pulls[Number(number)];
}

function bodyOf(request: RestRequest): Record<string, unknown> {
  return request.body && typeof request.body === "object" ? (request.body as Record<string, unknown>) : {};
}

function labelNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.map((l) => (typeof l === "string" ? l : String((l as { name?: unknown }).name ?? ""))).filter(Boolean);
}

function ensureLabels(repo: WorldRepo, names: string[]): void {
  for (const name of names) repo.labels[name] ??= { name, color: "ededed", description: "" };
}

function listIssues(request: RestRequest, repo: WorldRepo): RestResponse {
  const state = request.query.get("state") ?? "open";
  const labels = (request.query.get("labels") ?? "").split(",").filter(Boolean);
  const creator = request.query.get("creator");
  const since = request.query.get("since");
  const direction = request.query.get("direction") ?? "desc";
  // `sort=created` (the default) orders by number, which grows with creation time; `updated` by updatedAt.
  const order = request.query.get("sort") === "updated" ? (i: WorldIssue | WorldPull) => Date.parse(i.updatedAt) : (i: WorldIssue | WorldPull) => i.number;
  const items = [...Object.values(repo.issues), ...Object.values(repo.pulls)]
    .filter((item) => state === "all" || (state === "open") === (item.state === "OPEN"))
    .filter((item) => labels.every((label) => item.labels.includes(label)))
    .filter((item) => !creator || item.author.toLowerCase() === creator.toLowerCase())
    .filter((item) => !since || Date.parse(item.updatedAt) >= Date.parse(since))
    .sort((a, b) => (direction === "asc" ? order(a) - order(b) : order(b) - order(a)));
  return paginate(request, items.map((item) => issueJson(request.world, repo, item, request.api)));
}

function createIssue(request: RestRequest, repo: WorldRepo): RestResponse {
  const body = bodyOf(request);
  if (typeof body.title !== "string" || !body.title) return unprocessable("title is missing");
  const labels = labelNames(body.labels);
  ensureLabels(repo, labels);
  const now = isoNow(request.world);
  const issue: WorldIssue = {
    number: nextNumber(repo),
    title: body.title,
    body: typeof body.body === "string" ? body.body : "",
    state: "OPEN",
    stateReason: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    author: request.actor,
    comments: [],
    labels,
    assignees: Array.isArray(body.assignees) ? body.assignees.map(String) : [],
    closedBy: [],
  };
  repo.issues[issue.number] = issue;
  return { status: 201, body: issueJson(request.world, repo, issue, request.api) };
}

function updateIssue(request: RestRequest, repo: WorldRepo): RestResponse {
  const item = itemOf(repo, request.params.number);
  if (!item) return notFound();
  const body = bodyOf(request);
  const now = isoNow(request.world);
  if (typeof body.title === "string") item.title = body.title;
  if (typeof body.body === "string") item.body = body.body;
  if (body.labels !== undefined) {
    item.labels = labelNames(body.labels);
    ensureLabels(repo, item.labels);
  }
  if (Array.isArray(body.assignees) && "assignees" in item) item.assignees = body.assignees.map(String);
  if (body.state === "closed" && item.state === "OPEN") {
    item.state = "CLOSED";
    item.closedAt = now;
  } else if (body.state === "open" && item.state === "CLOSED") {
    item.state = "OPEN";
    item.closedAt = null;
  }
  if ("stateReason" in item) {
    if (typeof body.state_reason === "string") item.stateReason = body.state_reason.toUpperCase() as WorldIssue["stateReason"];
    else if (body.state === "closed") item.stateReason ??= "COMPLETED";
    else if (body.state === "open") item.stateReason = "REOPENED";
  }
  item.updatedAt = now;
  return { status: 200, body: issueJson(request.world, repo, item, request.api) };
}

function commentOwner(repo: WorldRepo, id: number): number | undefined {
  for (const item of [...Object.values(repo.issues), ...Object.values(repo.pulls)]) {
    if (item.comments.some((c) => c.id === id)) return item.number;
  }
  return undefined;
}

function withComment(handler: (request: RestRequest, repo: WorldRepo, number: number) => RestResponse) {
  return withRepo((request, repo) => {
    const number = commentOwner(repo, Number(request.params.id));
    return number === undefined ? notFound() : handler(request, repo, number);
  });
}

export const issueRoutes: Route[] = [
  route("GET", "/repos/:owner/:repo/issues", withRepo(listIssues)),
  route("POST", "/repos/:owner/:repo/issues", withRepo(createIssue)),
  route(
    "GET",
    "/repos/:owner/:repo/issues/comments/:id",
    withComment((request, repo, number) => ({ status: 200, body: commentJson(request.world, repo, number, findComment(repo, Number(request.params.id))!, request.api) })),
  ),
  route(
    "PATCH",
    "/repos/:owner/:repo/issues/comments/:id",
    withComment((request, repo, number) => {
      const comment = findComment(repo, Number(request.params.id))!;
      const body = bodyOf(request).body;
      if (typeof body !== "string") return unprocessable("body is missing");
      comment.body = body;
      comment.updatedAt = isoNow(request.world);
      return { status: 200, body: commentJson(request.world, repo, number, comment, request.api) };
    }),
  ),
  route(
    "DELETE",
    "/repos/:owner/:repo/issues/comments/:id",
    withComment((request, repo, number) => {
      const item = itemOf(repo, String(number))!;
      item.comments = item.comments.filter((c) => c.id !== Number(request.params.id));
      return { status: 204, body: undefined };
    }),
  ),
  route(
    "GET",
    "/repos/:owner/:repo/issues/comments/:id/reactions",
    withComment((request, repo) => paginate(request, findComment(repo, Number(request.params.id))!.reactions.map((r) => reactionJson(request.world, r)))),
  ),
  route(
    "POST",
    "/repos/:owner/:repo/issues/comments/:id/reactions",
    withComment((request, repo) => {
      const comment = findComment(repo, Number(request.params.id))!;
      const content = bodyOf(request).content as ReactionContent;
      if (!REACTIONS.includes(content)) return unprocessable(`content is not one of ${REACTIONS.join(", ")}`);
      const existing = comment.reactions.find((r) => r.user === request.actor && r.content === content);
      if (existing) return { status: 200, body: reactionJson(request.world, existing) };
      const reaction = { id: nextId(request.world), user: request.actor, content, createdAt: isoNow(request.world) };
      comment.reactions.push(reaction);
      return { status: 201, body: reactionJson(request.world, reaction) };
    }),
  ),
  route(
    "GET",
    "/repos/:owner/:repo/issues/:number",
    withRepo((request, repo) => {
      const item = itemOf(repo, request.params.number);
      return item ? { status: 200, body: issueJson(request.world, repo, item, request.api) } : notFound();
    }),
  ),
  route("PATCH", "/repos/:owner/:repo/issues/:number", withRepo(updateIssue)),
  route(
    "GET",
    "/repos/:owner/:repo/issues/:number/comments",
    withRepo((request, repo) => {
      const item = itemOf(repo, request.params.number);
      if (!item) return notFound();
      const since = request.query.get("since");
      const comments = item.comments.filter((c) => !since || c.updatedAt >= since);
      return paginate(request, comments.map((c) => commentJson(request.world, repo, item.number, c, request.api)));
    }),
  ),
  route(
    "POST",
    "/repos/:owner/:repo/issues/:number/comments",
    withRepo((request, repo) => {
      const item = itemOf(repo, request.params.number);
      if (!item) return notFound();
      const body = bodyOf(request).body;
      if (typeof body !== "string" || !body) return unprocessable("body is missing");
      const comment = makeComment(request.world, request.actor, body, isoNow(request.world));
      item.comments.push(comment);
      item.updatedAt = comment.createdAt;
      return { status: 201, body: commentJson(request.world, repo, item.number, comment, request.api) };
    }),
  ),
  route(
    "POST",
    "/repos/:owner/:repo/issues/:number/labels",
    withRepo((request, repo) => {
      const item = itemOf(repo, request.params.number);
      if (!item) return notFound();
      const names = labelNames(Array.isArray(request.body) ? request.body : bodyOf(request).labels);
      ensureLabels(repo, names);
      item.labels = [...new Set([...item.labels, ...names])];
      return { status: 200, body: item.labels.map((name) => labelJson(repo, name)) };
    }),
  ),
  route("GET", "/repos/:owner/:repo/labels", withRepo((request, repo) => paginate(request, Object.keys(repo.labels).map((name) => labelJson(repo, name))))),
  route(
    "GET",
    "/repos/:owner/:repo/labels/:name",
    withRepo((request, repo) => (repo.labels[request.params.name ?? ""] ? { status: 200, body: labelJson(repo, request.params.name ?? "") } : notFound())),
  ),
  route(
    "POST",
    "/repos/:owner/:repo/labels",
    withRepo((request, repo) => {
      const body = bodyOf(request);
      if (typeof body.name !== "string" || !body.name) return unprocessable("name is missing");
      if (repo.labels[body.name]) return { status: 422, body: { message: "Validation Failed", errors: [{ resource: "Label", code: "already_exists", field: "name" }] } };
      repo.labels[body.name] = { name: body.name, color: typeof body.color === "string" ? body.color : "ededed", description: typeof body.description === "string" ? body.description : "" };
      return { status: 201, body: labelJson(repo, body.name) };
    }),
  ),
];
