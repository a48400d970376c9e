import type { BranchBase, BranchCandidate, Link } from "../wrapup/types.js";

/** What a URL names, before it is placed in a topic (no `field`/`line` yet). */
export type UrlClass = Omit<Link, "url" | "field" | "line"> & {
  /** Why a URL that looked like a work item was not taken as one (e.g. `/pull/abc`). */
  problem?: string;
};

const GITHUB_HOSTS = new Set(["github.com", "www.github.com"]);

/** First path segments that are GitHub's own pages, not owners. */
const NOT_OWNERS = new Set([
  "about", "collections", "contact", "customer-stories", "enterprise", "events", "explore", "features",
  "login", "marketplace", "new", "notifications", "pricing", "pulls", "issues", "search", "security",
  "settings", "site", "solutions", "team", "topics", "trending", "join", "codespaces", "readme",
]);
/** First path segments whose second segment is an account (`/orgs/x`, `/apps/x`). */
const ACCOUNT_PREFIXES = new Set(["orgs", "apps", "sponsors", "users"]);

/** Pages under `/issues/`, `/pull/`, `/discussions/` that are lists or forms, not one item. */
const LIST_PAGES = new Set(["new", "categories", "assigned", "created_by", "mentioned", "choose", "labels", "milestones"]);

const SHA = /^[0-9a-f]{7,40}$/i;
const NUMBER = /^[0-9]{1,9}$/;
const NUMBERED: Record<string, "pull" | "issue" | "discussion"> = {
  pull: "pull",
  issues: "issue",
  discussions: "discussion",
};

/** Classify one URL by what it points to; the link text plays no part. Never throws. */
export function classifyUrl(url: string): UrlClass {
  const parsed = parseUrl(url);
  if (!parsed || !GITHUB_HOSTS.has(parsed.hostname.toLowerCase())) return { kind: "external" };
  const segments = splitPath(parsed.pathname);
  const [first, second] = segments;
  if (!first) return { kind: "external" };
  if (ACCOUNT_PREFIXES.has(first.toLowerCase())) return second ? { kind: "user", owner: second } : { kind: "external" };
  if (NOT_OWNERS.has(first.toLowerCase())) return { kind: "external" };
  if (!second) return { kind: "user", owner: first };
  const owner = first;
  const repo = second.replace(/\.git$/i, "");
  return classifyRepoPath(owner, repo, segments.slice(2));
}

function classifyRepoPath(owner: string, repo: string, rest: string[]): UrlClass {
  const at = { owner, repo };
  const [section, ...tail] = rest;
  if (!section) return { kind: "repo", ...at };
  const numbered = NUMBERED[section];
  if (numbered) {
    const raw = tail[0];
    // `/pull/new/<branch>` offers to open a pull request for a branch: the branch is the work.
    if (numbered === "pull" && raw === "new" && tail.length > 1) return { kind: "branch", ...at, branch: tail.slice(1).join("/") };
    if (raw === undefined || LIST_PAGES.has(raw)) return { kind: "repo", ...at };
    if (!NUMBER.test(raw)) {
      return { kind: "repo", ...at, problem: `its ${numbered} number "${raw}" is not a number` };
    }
    return { kind: numbered, ...at, number: Number(raw) };
  }
  switch (section) {
    case "commit":
      return classifyCommit(at, tail[0]);
    case "commits":
      return classifyCommits(at, tail);
    case "tree":
      return classifyTree(at, tail);
    case "compare":
      return classifyCompare(at, tail);
    case "blob":
    case "raw":
    case "blame":
      return { kind: "file", ...at };
    default:
      return { kind: "repo", ...at };
  }
}

type At = { owner: string; repo: string };

function classifyCommit(at: At, raw: string | undefined): UrlClass {
  const sha = raw?.replace(/\.(diff|patch)$/i, "");
  if (sha && SHA.test(sha)) return { kind: "commit", ...at, sha };
  return { kind: "repo", ...at, problem: `its commit "${raw ?? ""}" is not a commit hash` };
}

/** `/commits/<branch>/` lists a branch's history; a full hash there names a commit. */
function classifyCommits(at: At, tail: string[]): UrlClass {
  const ref = tail.join("/");
  if (!ref) return { kind: "repo", ...at };
  if (/^[0-9a-f]{40}$/i.test(ref)) return { kind: "commit", ...at, sha: ref };
  return { kind: "branch", ...at, branch: ref };
}

/**
 * `/tree/<ref>/<path>`: a ref may contain `/`, so `/tree/a/b/c` could be branch `a/b/c`, `a/b` + `c`,
 * or `a` + `b/c`. Every split is kept (longest branch first) for the resolver to check;
 * `main`/`master` followed by a path is a file view.
 */
function classifyTree(at: At, tail: string[]): UrlClass {
  if (tail.length === 0) return { kind: "repo", ...at };
  const [ref] = tail;
  if (tail.length > 1 && (ref === "main" || ref === "master")) return { kind: "file", ...at };
  if (tail.length === 1) return { kind: "branch", ...at, branch: tail.join("/") };
  const branchCandidates: BranchCandidate[] = [];
  for (let cut = tail.length; cut >= 1; cut--) {
    branchCandidates.push({ branch: tail.slice(0, cut).join("/"), path: tail.slice(cut).join("/") });
  }
  return { kind: "branch", ...at, branch: tail.join("/"), branchCandidates };
}

/** `/compare/<base>...<head>`; the head (`owner:repo:branch`, `owner:branch` or `branch`) is the work. */
function classifyCompare(at: At, tail: string[]): UrlClass {
  const spec = tail.join("/").replace(/\.(diff|patch)$/i, "");
  if (!spec) return { kind: "repo", ...at };
  const dots = spec.indexOf("...") >= 0 ? "..." : "..";
  const split = spec.indexOf(dots);
  const baseSpec = split >= 0 ? spec.slice(0, split) : "";
  const headSpec = split >= 0 ? spec.slice(split + dots.length) : spec;
  const head = readCompareSide(at, headSpec);
  if (!head) return { kind: "repo", ...at, problem: `its compare range "${spec}" names no branch` };
  const base = baseSpec ? readCompareSide(at, baseSpec) : null;
  return { kind: "branch", owner: head.owner, repo: head.repo, branch: head.branch, ...(base ? { base } : {}) };
}

function readCompareSide(at: At, side: string): BranchBase | null {
  const parts = side.split(":");
  const branch = parts.at(-1) ?? "";
  if (!branch) return null;
  if (parts.length >= 3) return { owner: parts[0] || at.owner, repo: parts[1] || at.repo, branch };
  if (parts.length === 2) return { owner: parts[0] || at.owner, repo: at.repo, branch };
  return { owner: at.owner, repo: at.repo, branch };
}

function parseUrl(url: string): URL | null {
  if (!/^https?:\/\//i.test(url)) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

function splitPath(pathname: string): string[] {
  return pathname
    .split("/")
    .filter((s) => s.length > 0)
    .map(decodeSegment);
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
