/**
 * The world every end-to-end test starts from: a hackathon repo whose wrap-up links work in
 * acme/widgets, with states chosen so that, at `NOW`, each topic gets a known verdict.
 */
import {
  addInstallation,
  addIssue,
  addPull,
  addRepo,
  createWorld,
  makeComment,
  type World,
} from "../../../dev/github-stand-in/index.js";

export const NOW = "2026-11-21T12:00:00Z";
export const INSTALLATION_ID = 31;
export const HACKATHON = "acme/hackathon";
export const WRAPUP_PATH = "wrapups/2026-09-hack-week.md";
export const WRAPUP_PR = 1;
export const SECOND_PR = 2;
export const WRITER = "ada";
export const READER = "rita";

export const EXPECTED_VERDICTS = {
  "Faster Widget Builds": "done",
  "Importer Cleanup": "active",
  "Flaky Test Hunt": "stalled",
  "Docs Revamp": "stalled",
  "Design Doc For Plugins": "untracked",
} as const;

/**
 * The follow-up mechanics tests run as a repository configured to start at once; onboarding (the
 * dashboard's box) is tested in onboarding.test.ts.
 */
export const START_AT_ONCE = "followUp:\n  approval: none\n";

/** "Flaky Test Hunt" gets a follow-up issue; "Docs Revamp" names tracking issue #104 and gets a comment there. */
export const TRACKING_ISSUE = { repo: "acme/widgets", number: 104 };

export function wrapUpText(extraTopics = ""): string {
  return `# Hack Week 2026-09-01 Wrap Up

## Faster Widget Builds

**Problem Statement:** Widget builds take twenty minutes.

**Achievements:** A build cache.

**Next Steps:** Roll the cache out to CI.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/101

## Importer Cleanup

**Problem Statement:** The old importer has no owner.

**Next Steps:** Finish the review of the removal.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/102

## Flaky Test Hunt

**Problem Statement:** Three tests fail one run in ten.

**Next Steps:** Fix the two remaining flakes.

**Code/Pull Requests:** https://github.com/acme/widgets/pull/103

## Docs Revamp

**Problem Statement:** Nobody finds the docs.

**Next Steps:** Publish the new site.

**Issue:** https://github.com/acme/widgets/issues/104

**Code/Pull Requests:** https://github.com/acme/widgets/pull/105

## Design Doc For Plugins

**Problem Statement:** Plugins have no contract.

**Next Steps:** Someone writes the design doc.
${extraTopics}`;
}

export interface E2eWorldOptions {
  /** Appended to the wrap-up (e.g. hostile topics). */
  extraTopics?: string;
  /** Extra text of `.github/wrapup-tracker.yml`; absent by default (the defaults apply). */
  config?: string;
}

export function buildE2eWorld(options: E2eWorldOptions = {}): World {
  const world = createWorld();
  const text = wrapUpText(options.extraTopics);
  const files: Record<string, string> = { "README.md": "Notes from our hackathons live in `wrapups/`.\n", [WRAPUP_PATH]: text };
  if (options.config) files[".github/wrapup-tracker.yml"] = options.config;
  addRepo(world, HACKATHON, { files, collaborators: { [WRITER]: "write", [READER]: "read" }, at: "2026-09-02T09:00:00Z" });
  addPull(world, HACKATHON, {
    number: WRAPUP_PR,
    title: "Add the September hack week wrap-up",
    author: WRITER,
    createdAt: "2026-11-20T09:00:00Z",
    head: { branch: "wrapup-2026-09" },
    files: { [WRAPUP_PATH]: text },
  });
  // A second wrap-up PR nobody has commented on yet, for concurrent first deliveries.
  addPull(world, HACKATHON, { number: SECOND_PR, title: "Fix typos in the wrap-up", author: WRITER, createdAt: "2026-11-20T10:00:00Z", head: { branch: "typos" }, files: { [WRAPUP_PATH]: text } });
  addRepo(world, "acme/widgets", { at: "2026-08-01T00:00:00Z" });
  addPull(world, "acme/widgets", { number: 101, state: "MERGED", author: "bob", createdAt: "2026-09-01T10:00:00Z", mergedAt: "2026-09-10T10:00:00Z", title: "Build cache" });
  addPull(world, "acme/widgets", {
    number: 102,
    author: "bob",
    createdAt: "2026-09-01T10:00:00Z",
    title: "Remove the importer",
    commits: [{ oid: "a".repeat(40), message: "Remove importer", committedDate: "2026-11-15T10:00:00Z", author: "bob" }],
  });
  addPull(world, "acme/widgets", {
    number: 103,
    author: "carol",
    createdAt: "2026-09-01T10:00:00Z",
    title: "Quarantine flaky tests",
    commits: [{ oid: "b".repeat(40), message: "Quarantine", committedDate: "2026-09-05T10:00:00Z", author: "carol" }],
  });
  const tracking = addIssue(world, "acme/widgets", { number: TRACKING_ISSUE.number, title: "Docs revamp", author: "dan", createdAt: "2026-09-02T10:00:00Z" });
  tracking.comments.push(makeComment(world, "dan", "Plan: new site generator.", "2026-09-03T10:00:00Z"));
  addPull(world, "acme/widgets", {
    number: 105,
    author: "dan",
    createdAt: "2026-09-02T10:00:00Z",
    title: "New docs site",
    commits: [{ oid: "c".repeat(40), message: "Site", committedDate: "2026-09-04T10:00:00Z", author: "dan" }],
  });
  addInstallation(world, INSTALLATION_ID, "acme", "all");
  return world;
}
