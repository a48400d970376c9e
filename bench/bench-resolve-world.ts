/**
 * Deterministic worlds and links for bench-resolve: link i of a run of N is always the same, so a
 * child process can rebuild the links without the world. Kinds rotate: pull, issue, discussion,
 * issue-or-pull (a pull or an issue), branch (half of them compare links, some with a pull), commit.
 */
import {
  addBranch,
  addDiscussion,
  addIssue,
  addPull,
  addRepo,
  createWorld,
  makeOid,
  type World,
} from "../dev/github-stand-in/world.js";
import type { Link } from "../src/wrapup/types.js";

const REPOS = 20;
const KINDS = ["pull", "issue", "discussion", "issue-or-pull", "branch", "commit"] as const;

const repoOf = (i: number) => ({ owner: "bench-org", repo: `repo-${i % REPOS}` });
/** Item number of link i inside its repo (kinds share one number space per repo, like GitHub). */
const numberOf = (i: number) => Math.floor(i / REPOS) + 1;
const shaOf = (i: number) => makeOid(`bench-commit-${i}`);
const branchOf = (i: number) => `feature/bench-${i}`;

export function kindOf(i: number): (typeof KINDS)[number] {
  return KINDS[i % KINDS.length];
}

export function benchLink(i: number): Link {
  const { owner, repo } = repoOf(i);
  const base = { owner, repo, field: "code" as const, line: i + 1 };
  const url = `https://github.com/${owner}/${repo}`;
  switch (kindOf(i)) {
    case "pull":
      return { ...base, kind: "pull", number: numberOf(i), url: `${url}/pull/${numberOf(i)}` };
    case "issue":
      return { ...base, kind: "issue", number: numberOf(i), url: `${url}/issues/${numberOf(i)}` };
    case "discussion":
      return { ...base, kind: "discussion", number: numberOf(i), url: `${url}/discussions/${numberOf(i)}` };
    case "issue-or-pull":
      return { ...base, kind: "issue-or-pull", number: numberOf(i), url: `${url}/issues/${numberOf(i)}` };
    case "branch": {
      const compare = i % 2 === 0 ? { base: { owner, repo, branch: "main" } } : {};
      return { ...base, kind: "branch", branch: branchOf(i), url: `${url}/tree/${branchOf(i)}`, ...compare };
    }
    case "commit":
      return { ...base, kind: "commit", sha: shaOf(i), url: `${url}/commit/${shaOf(i)}` };
  }
}

export function benchLinks(n: number): Link[] {
  return Array.from({ length: n }, (_, i) => benchLink(i));
}

function addItem(world: World, i: number): void {
  const { owner, repo } = repoOf(i);
  const fullName = `${owner}/${repo}`;
  const number = numberOf(i);
  const at = new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString();
  switch (kindOf(i)) {
    case "pull":
      addPull(world, fullName, { number, createdAt: at, author: "ada", checks: "SUCCESS" });
      return;
    case "issue":
      addIssue(world, fullName, { number, createdAt: at, author: "grace" });
      return;
    case "discussion":
      addDiscussion(world, fullName, { number, createdAt: at });
      return;
    case "issue-or-pull":
      if (Math.floor(i / KINDS.length) % 2 === 0) addPull(world, fullName, { number, createdAt: at });
      else addIssue(world, fullName, { number, createdAt: at });
      return;
    case "branch":
      addBranch(world.repos[fullName], branchOf(i), { commits: [{ committedDate: at, author: "ada" }] });
      return;
    case "commit":
      addBranch(world.repos[fullName], `history-${i}`, { commits: [{ oid: shaOf(i), committedDate: at }] });
      return;
  }
}

/** A world holding every item the first `n` bench links point at. */
export function benchWorld(n: number): World {
  const world = createWorld();
  for (let r = 0; r < REPOS; r++) addRepo(world, `bench-org/repo-${r}`);
  for (let i = 0; i < n; i++) addItem(world, i);
  return world;
}
