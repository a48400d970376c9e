/**
 * A documentation repository as a new user installs the app on it: about 1,000 markdown pages,
 * 12 hackathon wrap-ups from 2021 to 2026 among them, no `.github/wrapup-tracker.yml`. The app is
 * installed on it and on its hackathon issue repository only; the work lives in `docs/engine`,
 * which the app may read (public) but not write to. Judged on `ONBOARDING_NOW` (mid-2026), where
 * only the wrap-ups of 01/2026 and 05/2026 are within the 180-day horizon.
 */
import { generateDocsTree } from "../../../dev/docs-tree.js";
import { addInstallation, addIssue, addPull, addRepo, createWorld, makeComment, type World } from "../../../dev/github-stand-in/index.js";

export const ONBOARDING_NOW = "2026-07-01T12:00:00Z";
export const DOCS = "docs/website";
export const HACKATHON_ISSUES = "docs/hackathon";
export const ENGINE = "docs/engine";
export const ONBOARDING_INSTALLATION = 41;
export const MAINTAINER = "mia";
export const DOC_PAGES = 990;

/** Tracking issue in the installed hackathon repository: reminded on. */
export const REACHABLE_TRACKING = { repo: HACKATHON_ISSUES, number: 52 };

/** Event dates; the last two are within 180 days of ONBOARDING_NOW. */
export const EVENT_DATES = [
  "2021-05-10", "2021-11-08", "2022-05-09", "2022-11-07", "2023-05-08", "2023-11-06",
  "2024-05-13", "2024-12-02", "2025-06-02", "2025-11-17", "2026-01-20", "2026-05-12",
];

const OLD_TOPICS = [
  "Spellcheck In CI", "Glossary Tooltips", "Printable Manuals", "Diagram Rendering", "Localized Landing Page",
  "Contributor Guide Video", "Release Notes Digest", "Accessible Color Palette", "Code Sample Tester", "Feedback Widget",
];

export function wrapUpPath(date: string): string {
  return `content/community/hackathons/${date.slice(0, 7)}.md`;
}

function topic(title: string, nextSteps: string, fields: string): string {
  return `## ${title}\n\n**Problem Statement:** ${title} is not done yet.\n\n**Next Steps:** ${nextSteps}\n\n${fields}\n`;
}

const pr = (n: number) => `**Code/Pull Requests:** https://github.com/${ENGINE}/pull/${n}`;

/** An older event: one stalled topic (its PR quiet since the event), one done, one untracked. */
function oldWrapUp(date: string, index: number): string {
  const name = OLD_TOPICS[index]!;
  return [
    `# Hack The Docs ${date} Wrap Up\n`,
    topic(name, "Finish the prototype.", pr(100 + index)),
    topic(`${name} Follow Through`, "Ship it.", pr(200 + index)),
    topic(`Idea Board ${date}`, "Someone writes a proposal.", ""),
  ].join("\n");
}

export const RECENT_TOPICS = {
  /** 05/2026, stalled: a follow-up. */
  linkChecker: "Link Checker",
  /** 05/2026, stalled, tracking issue in the installed hackathon repository: a reminder there. */
  apiReference: "Versioned API Reference",
  /** 05/2026, stalled, continues 11/2025's topic (same tracking issue, out of reach): a follow-up here. */
  loadBalancing: "Internal Load Balancing For The Docs Search",
  /** 01/2026, stalled, tracking issue out of reach: a follow-up here. */
  offline: "Offline Docs Bundle",
} as const;

function recentWrapUps(extraTopic = ""): Record<string, string> {
  return {
    [wrapUpPath("2025-11-17")]: [
      "# Hack The Docs 2025-11-17 Wrap Up\n",
      topic("Load Balancing For Search", "Measure it.", `**Tracking:** https://github.com/${ENGINE}/issues/700\n\n${pr(300)}`),
      topic("Search Synonyms", "Done.", pr(301)),
    ].join("\n"),
    [wrapUpPath("2026-01-20")]: [
      "# Hack The Docs 2026-01-20 Wrap Up\n",
      topic(RECENT_TOPICS.offline, "Package the bundle.", `**Tracking:** https://github.com/${ENGINE}/issues/8810\n\n${pr(400)}`),
      topic("Dark Mode", "Polish it.", pr(401)),
    ].join("\n"),
    [wrapUpPath("2026-05-12")]: [
      "# Hack The Docs 2026-05-12 Wrap Up\n",
      topic(RECENT_TOPICS.linkChecker, "Run it nightly.", pr(500)),
      topic(RECENT_TOPICS.apiReference, "Publish per release.", `**Tracking:** https://github.com/${HACKATHON_ISSUES}/issues/52\n\n${pr(501)}`),
      topic(RECENT_TOPICS.loadBalancing, "Roll it out.", `**Tracking:** https://github.com/${ENGINE}/issues/700\n\n${pr(502)}`),
      topic("Search Ranking", "Nothing left.", pr(503)),
      extraTopic,
    ].join("\n"),
  };
}

/**
 * The rest of the documentation site: concept pages, API references, FAQs, guides, release-note posts
 * with "Motivation" and pull requests, review-meeting notes with "Next Steps", blog posts, an event
 * index and a retelling — none of them a wrap-up (the generator's own wrap-ups are left out).
 */
function docPages(): Record<string, string> {
  const tree = generateDocsTree(DOC_PAGES + 12);
  const ownWrapUps = new Set(tree.wrapUps);
  return Object.fromEntries(Object.entries(tree.files).filter(([path]) => !ownWrapUps.has(path)));
}

/** The 05/2026 wrap-up with one more stalled topic (for a push while follow-ups are paused). */
export function mayWrapUpWith(extraTopic: string): string {
  return recentWrapUps(extraTopic)[wrapUpPath("2026-05-12")]!;
}

export const LATE_TOPIC = topic("Broken Anchor Report", "Fix the anchors.", pr(504));

export function buildOnboardingWorld(): World {
  const world = createWorld();
  const files: Record<string, string> = {};
  Object.assign(files, docPages());
  EVENT_DATES.slice(0, 9).forEach((date, i) => (files[wrapUpPath(date)] = oldWrapUp(date, i)));
  Object.assign(files, recentWrapUps());
  addRepo(world, DOCS, { files, collaborators: { [MAINTAINER]: "maintain" }, at: "2021-01-04T09:00:00Z" });
  addRepo(world, HACKATHON_ISSUES, { at: "2021-01-04T09:00:00Z" });
  addRepo(world, ENGINE, { at: "2020-06-01T09:00:00Z" });
  const quiet = (n: number, date: string) =>
    addPull(world, ENGINE, { number: n, author: "eng", createdAt: `${date}T10:00:00Z`, commits: [{ oid: `${n}`.padStart(40, "a"), message: "wip", committedDate: `${date}T12:00:00Z`, author: "eng" }] });
  const merged = (n: number, date: string) => addPull(world, ENGINE, { number: n, state: "MERGED", author: "eng", createdAt: `${date}T10:00:00Z`, mergedAt: `${date}T18:00:00Z` });
  EVENT_DATES.slice(0, 9).forEach((date, i) => {
    quiet(100 + i, date);
    merged(200 + i, date);
  });
  quiet(300, "2025-11-17");
  merged(301, "2025-11-20");
  quiet(400, "2026-01-20");
  addPull(world, ENGINE, { number: 401, author: "eng", createdAt: "2026-01-20T10:00:00Z", commits: [{ oid: "b".repeat(40), message: "polish", committedDate: "2026-06-28T10:00:00Z", author: "eng" }] });
  for (const n of [500, 501, 502, 504]) quiet(n, "2026-05-12");
  merged(503, "2026-05-20");
  for (const [repo, number] of [[HACKATHON_ISSUES, 52], [ENGINE, 700], [ENGINE, 8810]] as const) {
    const issue = addIssue(world, repo, { number, author: "eng", createdAt: "2025-11-17T10:00:00Z", title: `Tracking ${number}` });
    issue.comments.push(makeComment(world, "eng", "Plan.", "2026-05-13T10:00:00Z"));
    issue.updatedAt = "2026-05-13T10:00:00Z";
  }
  addInstallation(world, ONBOARDING_INSTALLATION, "docs", [DOCS, HACKATHON_ISSUES]);
  return world;
}
