import type { LinkState, ResolvedStates } from "../../src/github/types.js";
import type { Link, Topic, WrapUp } from "../../src/wrapup/types.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import { judgeWrapUp } from "../../src/progress/judge-wrapup.js";
import type { WrapUpReport } from "../../src/progress/types.js";
import { NOW, daysAgo, pull, issue, branch, summary } from "../progress/build-states.js";

/**
 * A 23-topic hackathon wrap-up with a realistic mix (6 done, 9 active, 5 stalled, 3 untracked),
 * judged by the real rules: the input for snapshot and readability checks.
 */
type Spec = [title: string, nextSteps: string | null, links: [Link, LinkState][]];

let line = 10;
function prLink(repo: string, number: number): Link {
  return { url: `https://github.com/gardener/${repo}/pull/${number}`, kind: "pull", owner: "gardener", repo, number, field: "code", line: line++ };
}
function issueLinkTo(repo: string, number: number): Link {
  return { url: `https://github.com/gardener/${repo}/issues/${number}`, kind: "issue", owner: "gardener", repo, number, field: "nextSteps", line: line++ };
}
function branchLinkTo(owner: string, name: string): Link {
  return { url: `https://github.com/${owner}/gardener/tree/${name}`, kind: "branch", owner, repo: "gardener", branch: name, field: "code", line: line++ };
}

const mergedPr = (days: number) => pull({ state: "MERGED", mergedAt: daysAgo(days) });
const openPr = (days: number, isDraft = false) => pull({ lastHumanActivityAt: daysAgo(days), isDraft });
const specs: Spec[] = [
  ["Gardener on IPv6 (dual stack)", "Finish dual-stack support for shoots; document the limits.", [[prLink("gardener", 669), openPr(74)], [prLink("gardener", 702), mergedPr(40)]]],
  ["Improve seed authorizer", "Open a PR from the branch.", [[branchLinkTo("rfranzke", "improve-seed-authz"), branch({ lastCommit: { oid: "a", committedDate: daysAgo(340) } })]]],
  ["Shoot flavors", null, [[prLink("gardener", 710), mergedPr(3)]]],
  ["Replace Calico with Cilium", "Measure the performance impact.\n- run the benchmark on a big shoot\n- compare results", [[prLink("gardener-extension-networking-cilium", 301), openPr(4)]]],
  ["Dashboard dark mode", null, [[prLink("dashboard", 1501), mergedPr(10)], [prLink("dashboard", 1502), mergedPr(9)]]],
  ["etcd backup compaction", "Review and merge.", [[prLink("etcd-backup-restore", 720), openPr(2, true)]]],
  ["Gardenctl v3 completions", "Write docs for zsh and fish.", []],
  ["Machine controller manager events", "Agree on the event reasons with the MCM maintainers.", [[issueLinkTo("machine-controller-manager", 880), issue({ lastHumanActivityAt: daysAgo(50) })]]],
  ["Node-local DNS by default", "Roll out to all landscapes.", [[prLink("gardener", 733), openPr(12)]]],
  ["OIDC for the virtual garden", "Implement the webhook.", [[prLink("gardener", 690), pull({ state: "CLOSED", closedAt: daysAgo(20) })]]],
  ["Provider-local in CI", null, [[prLink("ci-infra", 455), mergedPr(15)]]],
  ["Vertical pod autoscaler recommender tuning", "Collect data from a week of usage.", [[prLink("gardener", 741), openPr(6)], [issueLinkTo("gardener", 742), issue({ lastHumanActivityAt: daysAgo(6) })]]],
  ["Kubernetes 1.35 support", "Follow the upstream release.", [[issueLinkTo("gardener", 9000), issue({ lastHumanActivityAt: daysAgo(1) })]]],
  ["Cluster autoscaler priority expander", "Needs a design doc first.", []],
  ["Go workspace for extensions", "Discuss in the next community meeting.", []],
  ["Shoot hibernation schedules UI", null, [[prLink("dashboard", 1520), mergedPr(2)]]],
  ["Observability: Vali to Loki", "Migrate the remaining dashboards.", [[prLink("logging", 77), openPr(9)]]],
  ["Terraformer removal", "Port the last provider.", [[prLink("gardener-extension-provider-openstack", 600), openPr(33)]]],
  ["Gardener operator for the garden", "Write the migration guide.", [[prLink("gardener", 750), openPr(1)]]],
  ["Worker pool in-place updates", "Prototype in provider-local.", [[branchLinkTo("acumino", "inplace-updates"), branch({ owner: "acumino", branch: "inplace-updates", lastCommit: { oid: "b", committedDate: daysAgo(5) } })]]],
  ["Seed network policies audit", "Fix the findings.", [[prLink("gardener", 99999), { type: "pull", status: "missing", message: "Could not resolve to a PullRequest with the number of 99999." }]]],
  ["Etcd druid compaction jobs", null, [[prLink("etcd-druid", 812), mergedPr(30)]]],
  ["Bastion for GCP", "Merge after the API review.", [[prLink("gardener-extension-provider-gcp", 555), openPr(8)], [branchLinkTo("gardener", "gcp-bastion"), branch({ owner: "gardener", branch: "gcp-bastion", pulls: [summary({ number: 555, repo: "gardener-extension-provider-gcp", updatedAt: daysAgo(8) })] })]]],
];

function slug(title: string): string {
  return title.toLowerCase().replace(/[^\w\s-]/g, "").trim().replace(/\s+/g, "-");
}

export function sampleWrapUp(): { wrapUp: WrapUp; states: ResolvedStates } {
  line = 10;
  const states: ResolvedStates = new Map();
  const topics: Topic[] = specs.map(([title, nextSteps, links], index) => {
    for (const [link, state] of links) states.set(linkKey(link)!, state);
    return {
      title, heading: `## ${title}`, line: 10 + index * 12, anchor: slug(title),
      fields: nextSteps === null ? { nextSteps: "N/A" } : { nextSteps }, nextSteps, links: links.map(([link]) => link),
      ...(index === 6 ? { emptyFields: ["achievements" as const] } : {}),
    };
  });
  const wrapUp: WrapUp = { path: "wrapups/2026-11-hack-the-garden.md", title: "Hack the Garden 11/2026", date: "2026-10-01", topics, warnings: ["line 300: \"Next Steps\" of topic \"Flux\" is empty"], kind: "wrap-up", why: "wrap-up: sample" };
  return { wrapUp, states };
}

export function sampleReport(): WrapUpReport {
  const { wrapUp, states } = sampleWrapUp();
  return judgeWrapUp(wrapUp, states, { now: NOW, staleAfterDays: 30, graceDays: 14 });
}
