/** GraphQL views of git objects: commits (with history), branches (refs, compare), blobs and trees. */
import { makeConnection, type ConnectionArgs } from "./graphql-connection.js";
import { actorView, allPulls, filterStates, nodeId, WEB } from "./graphql-view-parts.js";
import { pullView, repoView } from "./graphql-views.js";
import { filesAt, findCommit, makeOid, repoKey, type World, type WorldCommit, type WorldRepo } from "./world.js";

function branchContaining(repo: WorldRepo, oid: string): WorldCommit[] | undefined {
  const preferred = repo.branches[repo.defaultBranch]?.commits;
  if (preferred?.some((c) => c.oid === oid)) return preferred;
  return Object.values(repo.branches).find((b) => b.commits.some((c) => c.oid === oid))?.commits;
}

interface HistoryArgs extends ConnectionArgs {
  since?: string | null;
  until?: string | null;
}

export function commitView(world: World, repo: WorldRepo, commit: WorldCommit, checks: string | null = null): Record<string, unknown> {
  const url = `${WEB}/${repo.owner}/${repo.name}/commit/${commit.oid}`;
  const person = { name: commit.author, email: `${commit.author}@users.noreply.github.com`, date: commit.committedDate, user: actorView(world, commit.author) };
  return {
    __typename: "Commit",
    id: nodeId("Commit", commit.oid),
    oid: commit.oid,
    abbreviatedOid: commit.oid.slice(0, 7),
    committedDate: commit.committedDate,
    authoredDate: commit.committedDate,
    pushedDate: commit.committedDate,
    message: commit.message,
    messageHeadline: commit.message.split("\n")[0],
    url,
    commitUrl: url,
    author: person,
    committer: person,
    repository: () => repoView(world, repo),
    statusCheckRollup: checks ? { __typename: "StatusCheckRollup", id: nodeId("Rollup", commit.oid), state: checks } : null,
    history: (args: HistoryArgs) => {
      const line = branchContaining(repo, commit.oid) ?? [commit];
      const upTo = line.slice(0, line.findIndex((c) => c.oid === commit.oid) + 1).reverse();
      const filtered = upTo.filter(
        (c) => (!args.since || c.committedDate >= args.since) && (!args.until || c.committedDate <= args.until),
      );
      return makeConnection(filtered.map((c) => commitView(world, repo, c)), args);
    },
    parents: (args: ConnectionArgs) => {
      const line = branchContaining(repo, commit.oid) ?? [];
      const index = line.findIndex((c) => c.oid === commit.oid);
      const parent = index > 0 ? line[index - 1] : undefined;
      return makeConnection(parent ? [commitView(world, repo, parent)] : [], args);
    },
    associatedPullRequests: (args: ConnectionArgs & { states?: string[] | null }) => {
      const pulls = allPulls(world).filter(({ pull }) => pull.commits.some((c) => c.oid === commit.oid));
      return makeConnection(filterStates(pulls, args.states).map(({ repo: r, pull }) => pullView(world, r, pull)), args);
    },
  };
}

/** The commits (oldest first) reachable from a branch name or a commit oid; undefined when unknown. */
function historyOf(repo: WorldRepo, ref: string): WorldCommit[] | undefined {
  const named = repo.branches[ref];
  if (named) return named.commits;
  const commit = findCommit(repo, ref);
  const line = commit && branchContaining(repo, commit.oid);
  return line?.slice(0, line.findIndex((c) => c.oid === commit?.oid) + 1);
}

export function refView(world: World, repo: WorldRepo, name: string) {
  const branch = repo.branches[name];
  if (!branch) return null;
  const head = branch.commits.at(-1);
  return {
    __typename: "Ref",
    id: nodeId("Ref", `${repo.owner}/${repo.name}@${name}`),
    name,
    prefix: "refs/heads/",
    repository: () => repoView(world, repo),
    target: head ? commitView(world, repo, head) : null,
    associatedPullRequests: (args: ConnectionArgs & { states?: string[] | null; orderBy?: { field: string; direction: string } | null }) => {
      const key = repoKey(`${repo.owner}/${repo.name}`);
      // Includes PRs from this (fork) branch into any repo, e.g. its upstream — as GitHub does.
      const pulls = allPulls(world).filter(({ pull }) => repoKey(pull.head.repo) === key && pull.head.branch === name);
      if (args.orderBy) {
        const sign = args.orderBy.direction === "DESC" ? -1 : 1;
        const field = args.orderBy.field === "UPDATED_AT" ? "updatedAt" : "createdAt";
        pulls.sort((a, b) => sign * a.pull[field].localeCompare(b.pull[field]));
      }
      return makeConnection(filterStates(pulls, args.states).map(({ repo: r, pull }) => pullView(world, r, pull)), args);
    },
    compare: ({ headRef }: { headRef: string }) => {
      const headName = headRef.replace(/^refs\/heads\//, "");
      const line = historyOf(repo, headName);
      if (!line) return null;
      const baseOids = new Set(branch.commits.map((c) => c.oid));
      const headOids = new Set(line.map((c) => c.oid));
      const aheadBy = line.filter((c) => !baseOids.has(c.oid)).length;
      const behindBy = branch.commits.filter((c) => !headOids.has(c.oid)).length;
      const status = aheadBy && behindBy ? "DIVERGED" : aheadBy ? "AHEAD" : behindBy ? "BEHIND" : "IDENTICAL";
      return { __typename: "Comparison", id: nodeId("Comparison", `${name}...${headName}`), aheadBy, behindBy, status };
    },
  };
}

function blobView(text: string) {
  const oid = makeOid(`blob ${text}`);
  return { __typename: "Blob", id: nodeId("Blob", oid), oid, abbreviatedOid: oid.slice(0, 7), text, byteSize: Buffer.byteLength(text), isBinary: false, isTruncated: false };
}

function treeView(files: Record<string, string>, dir: string): Record<string, unknown> {
  const prefix = dir ? `${dir.replace(/\/$/, "")}/` : "";
  const names = new Map<string, "blob" | "tree">();
  for (const path of Object.keys(files)) {
    if (!path.startsWith(prefix)) continue;
    const [first, ...rest] = path.slice(prefix.length).split("/");
    if (first) names.set(first, rest.length ? "tree" : "blob");
  }
  const oid = makeOid(`tree ${dir}`);
  return {
    __typename: "Tree",
    id: nodeId("Tree", oid),
    oid,
    abbreviatedOid: oid.slice(0, 7),
    entries: [...names].map(([name, type]) => ({
      __typename: "TreeEntry",
      name,
      path: `${prefix}${name}`,
      type,
      mode: type === "tree" ? 16384 : 33188,
      oid: makeOid(`${type} ${prefix}${name}`),
      extension: type === "blob" && name.includes(".") ? `.${name.split(".").pop()}` : null,
      object: type === "blob" ? blobView(files[`${prefix}${name}`] ?? "") : treeView(files, `${prefix}${name}`),
    })),
  };
}

export function objectAt(world: World, repo: WorldRepo, args: { oid?: string | null; expression?: string | null }) {
  if (args.oid) {
    const commit = findCommit(repo, args.oid);
    return commit ? commitView(world, repo, commit) : null;
  }
  if (!args.expression) return null;
  const colon = args.expression.indexOf(":");
  const ref = colon < 0 ? args.expression : args.expression.slice(0, colon);
  if (colon < 0) {
    const commit = repo.branches[ref.replace(/^refs\/heads\//, "")]?.commits.at(-1) ?? findCommit(repo, ref);
    return commit ? commitView(world, repo, commit) : null;
  }
  const files = filesAt(world, repo, ref);
  if (!files) return null;
  const path = args.expression.slice(colon + 1).replace(/^\/+/, "");
  if (path in files) return blobView(files[path] ?? "");
  const isDir = path === "" || Object.keys(files).some((p) => p.startsWith(`${path.replace(/\/$/, "")}/`));
  return isDir ? treeView(files, path) : null;
}

