import type { Link } from "../wrapup/types.js";
import type { LinkState } from "../github/types.js";

const KIND_WORDS = {
  pull: "PR",
  issue: "issue",
  discussion: "discussion",
  "issue-or-pull": "issue",
} as const;

/**
 * How a reason names a link: `PR gardener/gardener#669`, `branch rfranzke/gardener:improve-seed-authz`,
 * `commit gardener/gardener@1a2b3c4`. The resolved state wins over the link's guess (an `/issues/N`
 * link that is really a PR reads "PR").
 */
export function describeLink(link: Link, state?: LinkState): string {
  const repo = `${link.owner ?? "?"}/${link.repo ?? "?"}`;
  const type = state && state.status === "ok" ? state.type : link.kind;
  switch (type) {
    case "pull":
    case "issue":
    case "discussion":
    case "issue-or-pull":
      return `${KIND_WORDS[type]} ${repo}#${link.number ?? "?"}`;
    case "branch": {
      const branch = state?.status === "ok" && state.type === "branch" ? state.branch : link.branch;
      return `branch ${repo}:${branch ?? "?"}`;
    }
    case "commit":
      return `commit ${repo}@${(link.sha ?? "?").slice(0, 7)}`;
    default:
      return link.url;
  }
}
