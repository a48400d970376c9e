/** Read-only repository endpoints: repo, contents, trees, pulls and their files, branches, commits, permissions. */
import { commitJson, pullJson, repoJson, userJson } from "./rest-json.js";
import { notFound, paginate, route, type RestRequest, type RestResponse, type Route } from "./rest-router.js";
import { filesAt, findCommit, makeOid, visibleRepo, type WorldRepo } from "./world.js";

export function withRepo(handler: (request: RestRequest, repo: WorldRepo) => RestResponse) {
  return (request: RestRequest): RestResponse => {
    const repo = visibleRepo(request.world, request.params.owner ?? "", request.params.repo ?? "");
    return repo ? handler(request, repo) : notFound();
  };
}

function wantsRaw(request: RestRequest): boolean {
  const accept = request.headers.accept;
  return (Array.isArray(accept) ? accept.join(",") : (accept ?? "")).includes(".raw");
}

function contents(request: RestRequest, repo: WorldRepo): RestResponse {
  const ref = request.query.get("ref") ?? undefined;
  const files = filesAt(request.world, repo, ref);
  const path = (request.params.path ?? "").replace(/\/+$/, "");
  if (!files) return notFound();
  const base = `${request.api}/repos/${repo.owner}/${repo.name}/contents`;
  const text = files[path];
  if (text !== undefined) {
    if (wantsRaw(request)) return { status: 200, raw: text, headers: { "content-type": "application/vnd.github.raw; charset=utf-8" } };
    const sha = makeOid(`blob ${text}`);
    return {
      status: 200,
      body: { type: "file", encoding: "base64", size: Buffer.byteLength(text), name: path.split("/").pop(), path, sha, url: `${base}/${path}`, content: Buffer.from(text).toString("base64") },
    };
  }
  const prefix = path ? `${path}/` : "";
  const entries = new Map<string, "file" | "dir">();
  for (const filePath of Object.keys(files)) {
    if (!filePath.startsWith(prefix)) continue;
    const [first, ...rest] = filePath.slice(prefix.length).split("/");
    if (first) entries.set(first, rest.length ? "dir" : "file");
  }
  if (entries.size === 0) return notFound();
  return {
    status: 200,
    body: [...entries].map(([name, type]) => ({ type, name, path: `${prefix}${name}`, sha: makeOid(`${type} ${prefix}${name}`), size: type === "file" ? Buffer.byteLength(files[`${prefix}${name}`] ?? "") : 0, url: `${base}/${prefix}${name}` })),
  };
}

function tree(request: RestRequest, repo: WorldRepo): RestResponse {
  const files = filesAt(request.world, repo, request.params.ref);
  if (!files) return notFound();
  const recursive = request.query.has("recursive");
  const dirs = new Set<string>();
  const entries: { path: string; mode: string; type: "blob" | "tree"; sha: string; size?: number }[] = [];
  for (const [path, text] of Object.entries(files)) {
    const parts = path.split("/");
    if (!recursive && parts.length > 1) {
      dirs.add(parts[0] ?? "");
      continue;
    }
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
    entries.push({ path, mode: "100644", type: "blob", sha: makeOid(`blob ${text}`), size: Buffer.byteLength(text) });
  }
  for (const dir of dirs) entries.push({ path: dir, mode: "040000", type: "tree", sha: makeOid(`tree ${dir}`) });
  entries.sort((a, b) => a.path.localeCompare(b.path));
  return { status: 200, body: { sha: makeOid(`tree ${request.params.ref}`), truncated: false, tree: entries } };
}

const PERMISSION_ROLES = { admin: "admin", maintain: "maintain", write: "write", triage: "triage", read: "read", none: "none" } as const;

export const repoRoutes: Route[] = [
  route("GET", "/repos/:owner/:repo", withRepo((request, repo) => ({ status: 200, body: repoJson(request.world, repo, request.api) }))),
  route("GET", "/repos/:owner/:repo/contents", withRepo(contents)),
  route("GET", "/repos/:owner/:repo/contents/*path", withRepo(contents)),
  route("GET", "/repos/:owner/:repo/git/trees/*ref", withRepo(tree)),
  route(
    "GET",
    "/repos/:owner/:repo/pulls/:number",
    withRepo((request, repo) => {
      const pull = repo.pulls[Number(request.params.number)];
      return pull ? { status: 200, body: pullJson(request.world, repo, pull, request.api) } : notFound();
    }),
  ),
  route(
    "GET",
    "/repos/:owner/:repo/pulls/:number/files",
    withRepo((request, repo) => {
      const pull = repo.pulls[Number(request.params.number)];
      if (!pull) return notFound();
      const files = pull.changedFiles.map((filename) => ({
        sha: makeOid(`${pull.number}:${filename}`),
        filename,
        status: "modified",
        additions: 10,
        deletions: 0,
        changes: 10,
        blob_url: `https://github.com/${repo.owner}/${repo.name}/blob/${pull.commits.at(-1)?.oid}/${filename}`,
        raw_url: `https://github.com/${repo.owner}/${repo.name}/raw/${pull.commits.at(-1)?.oid}/${filename}`,
        contents_url: `${request.api}/repos/${repo.owner}/${repo.name}/contents/${filename}?ref=${pull.commits.at(-1)?.oid}`,
      }));
      return paginate(request, files);
    }),
  ),
  route(
    "GET",
    "/repos/:owner/:repo/branches/*branch",
    withRepo((request, repo) => {
      const name = request.params.branch ?? "";
      const head = repo.branches[name]?.commits.at(-1);
      if (!head) return { status: 404, body: { message: "Branch not found", documentation_url: "https://docs.github.com/rest", status: "404" } };
      return { status: 200, body: { name, commit: commitJson(request.world, repo, head), protected: false } };
    }),
  ),
  route(
    "GET",
    "/repos/:owner/:repo/commits/:sha",
    withRepo((request, repo) => {
      const ref = request.params.sha ?? "";
      const commit = repo.branches[ref]?.commits.at(-1) ?? findCommit(repo, ref);
      if (!commit) return { status: 422, body: { message: `No commit found for SHA: ${ref}`, documentation_url: "https://docs.github.com/rest", status: "422" } };
      return { status: 200, body: commitJson(request.world, repo, commit) };
    }),
  ),
  route(
    "GET",
    "/repos/:owner/:repo/collaborators/:username/permission",
    withRepo((request, repo) => {
      const login = request.params.username ?? "";
      const permission = repo.collaborators[login] ?? (repo.private ? "none" : "read");
      // The legacy `permission` field folds maintain into write and triage into read, as GitHub does.
      const legacy = permission === "maintain" ? "write" : permission === "triage" ? "read" : permission;
      return { status: 200, body: { permission: legacy, role_name: PERMISSION_ROLES[permission], user: userJson(request.world, login) } };
    }),
  ),
  // As GitHub: 204 when the person may be assigned issues here (triage or more), 404 otherwise.
  route(
    "GET",
    "/repos/:owner/:repo/assignees/:assignee",
    withRepo((request, repo) => {
      const permission = repo.collaborators[request.params.assignee ?? ""];
      const assignable = permission === "admin" || permission === "maintain" || permission === "write" || permission === "triage";
      return assignable ? { status: 204, body: null } : { status: 404, body: { message: "Not Found", documentation_url: "https://docs.github.com/rest", status: "404" } };
    }),
  ),
];
