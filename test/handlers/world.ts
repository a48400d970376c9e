/**
 * A tiny GitHub "world" for handler and sweep tests: one wrap-up with a stalled and a done topic,
 * and a GraphQL responder that answers both our file-text query and the resolver's batch query.
 */
import { pullNode, rateLimitNode, human, issueNode } from "../fixtures/graphql/nodes.js";
import { mockFirstCommit, mockGraphql } from "./nock-github.js";

export const WRAPUP_PATH = "wrapups/hack-week.md";

export const WRAPUP_TEXT = `# Hack Week 2026 Wrap Up

## Faster Widget Builds

**Problem Statement:** Builds take twenty minutes.

**Next Steps:** Roll the cache out to CI.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/101

## Docs Site

**Problem Statement:** Nobody finds the docs.

**Next Steps:** Publish the site.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/102
`;

export type PullFate = "stale" | "merged" | "active";

/** PR nodes as the resolver's fragments ask for them. */
export function widgetPull(number: number, fate: PullFate) {
  const old = "2026-08-01T10:00:00Z";
  const recent = "2026-11-19T10:00:00Z";
  return pullNode(number, {
    url: `https://github.com/acme/widgets/pull/${number}`,
    repository: { nameWithOwner: "acme/widgets" },
    headRepository: { nameWithOwner: "acme/widgets" },
    baseRepository: { nameWithOwner: "acme/widgets" },
    author: human("ada"),
    pullState: fate === "merged" ? "MERGED" : "OPEN",
    mergedAt: fate === "merged" ? "2026-10-01T10:00:00Z" : null,
    closedAt: fate === "merged" ? "2026-10-01T10:00:00Z" : null,
    createdAt: old,
    updatedAt: fate === "active" ? recent : old,
    lastCommit: { nodes: [{ commit: { committedDate: fate === "active" ? recent : old } }] },
  });
}

export function widgetIssue(number: number) {
  return issueNode(number, {
    url: `https://github.com/acme/widgets/issues/${number}`,
    createdAt: "2026-08-01T10:00:00Z",
    updatedAt: "2026-08-01T10:00:00Z",
  });
}

/** Answers the file-text query from `files` and the resolver's query from `world` (by link key). */
export function mockGithubGraphql(
  files: Record<string, string>,
  world: Record<string, unknown>,
  times = 1,
  seen: string[] = [],
): void {
  // Undated wrap-ups count their grace period from their first commit on the default branch.
  if (WRAPUP_PATH in files) mockFirstCommit(WRAPUP_PATH);
  mockGraphql((query, variables) => {
    seen.push(query);
    if (query.includes("WrapupFileTexts")) {
      const repository: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(variables)) {
        if (!/^e\d+$/.test(name)) continue;
        const path = String(value).slice(String(value).indexOf(":") + 1);
        repository[`f${name.slice(1)}`] = path in files ? { text: files[path], isTruncated: false, byteSize: 100 } : null;
      }
      return { repository, rateLimit: rateLimitNode() };
    }
    const data: Record<string, unknown> = { rateLimit: rateLimitNode() };
    const pattern = /(l\d+): repository\(owner: "([^"]+)", name: "([^"]+)"\) \{\s*(pullRequest|issue)\(number: (\d+)\)/g;
    for (const [, alias, owner, repo, field, number] of query.matchAll(pattern)) {
      const kind = field === "pullRequest" ? "pull" : "issue";
      const node = world[`${kind}:${owner}/${repo}#${number}`] ?? null;
      data[alias!] = { [field!]: node };
    }
    return data;
  }, times);
}
