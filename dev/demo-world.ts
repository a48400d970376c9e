/**
 * A stand-in world for the demo, built from wrap-up files: the wrap-ups live in `demo/hackathon`,
 * and every work item they link gets a deterministic, plausible state (a hash of its key picks
 * merged / open and moving / open and quiet / closed), so the verdicts vary from run to run alike.
 */
import { createHash } from "node:crypto";
import { parseWrapUp } from "../src/wrapup/parse-wrapup.js";
import { isWorkItem, linkKey } from "../src/wrapup/link-key.js";
import type { Link } from "../src/wrapup/types.js";
import {
  addBranch,
  addDiscussion,
  addInstallation,
  addIssue,
  addPull,
  addRepo,
  createWorld,
  makeComment,
  makeOid,
  requireRepo,
  type World,
  type WorldRepo,
} from "./github-stand-in/index.js";

export const DEMO_NOW = "2026-11-21T12:00:00Z";
export const DEMO_REPO = "demo/hackathon";
export const DEMO_INSTALLATION = 1;
export const DEMO_PR = 1;

/** Caps new follow-ups so the demo stays short (GitHub spaces content-creating requests 3 s apart). */
export const DEMO_CONFIG = "followUp:\n  maxNewPerSweep: 3\n";

/** Seed of the made-up states; chosen so the example wrap-up shows every verdict. */
const SALT = "demo-661";

type Outcome = "done" | "moving" | "quiet" | "closed";

function hashOf(key: string): number {
  return createHash("sha256").update(`${SALT}:${key}`).digest().readUInt32BE(0);
}

/** 40% done, 25% moving, 30% quiet for months, 5% closed without merging. */
function outcomeOf(key: string): Outcome {
  const roll = hashOf(key) % 100;
  return roll < 40 ? "done" : roll < 65 ? "moving" : roll < 95 ? "quiet" : "closed";
}

function daysBefore(iso: string, days: number): string {
  return new Date(Date.parse(iso) - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function daysBetween(from: string, to: string): number {
  return Math.max(1, Math.floor((Date.parse(to) - Date.parse(from)) / 86_400_000));
}

/**
 * When the item last moved: moving ones in the last 12 days; done ones some time after the event;
 * quiet ones within a week after the event (and nothing since).
 */
function lastMoved(key: string, outcome: Outcome, eventDate: string): string {
  const spread = hashOf(`${key}:days`);
  const sinceEvent = daysBetween(eventDate, DEMO_NOW);
  if (outcome === "moving") return daysBefore(DEMO_NOW, 1 + (spread % 12));
  if (outcome === "quiet") return daysBefore(DEMO_NOW, Math.max(45, sinceEvent - 1 - (spread % 7)));
  return daysBefore(DEMO_NOW, 1 + (spread % sinceEvent));
}

const AUTHORS = ["ana", "ben", "chen", "dara", "eli", "fatou", "gus", "hira"];

function authorOf(key: string): string {
  return AUTHORS[hashOf(`${key}:who`) % AUTHORS.length] ?? "ana";
}

function addWorkItem(world: World, link: Link & { owner: string; repo: string }, key: string, eventDate: string): void {
  const full = `${link.owner}/${link.repo}`;
  const repo = requireRepo(world, full);
  const outcome = outcomeOf(key);
  const at = lastMoved(key, outcome, eventDate);
  const author = authorOf(key);
  const created = at < eventDate ? daysBefore(at, 3) : eventDate;
  const taken = (n: number) => n in repo.pulls || n in repo.issues || n in repo.discussions;
  const kind = link.kind === "issue-or-pull" ? (hashOf(`${key}:kind`) % 2 ? "pull" : "issue") : link.kind;
  if ((kind === "pull" || kind === "issue" || kind === "discussion") && (link.number === undefined || taken(link.number))) return;
  switch (kind) {
    case "pull": {
      const state = outcome === "done" ? "MERGED" : outcome === "closed" ? "CLOSED" : "OPEN";
      const commit = { oid: makeOid(`${key}:head`), message: "Work in progress", committedDate: at, author };
      addPull(world, full, { number: link.number, state, author, createdAt: created, updatedAt: at, title: `Work for ${full}#${link.number}`, commits: [commit], ...(state === "OPEN" ? {} : { closedAt: at }) });
      return;
    }
    case "issue": {
      const issue = addIssue(world, full, { number: link.number, state: outcome === "done" || outcome === "closed" ? "CLOSED" : "OPEN", stateReason: outcome === "closed" ? "NOT_PLANNED" : undefined, author, createdAt: created, updatedAt: at, title: `Issue ${full}#${link.number}` });
      issue.comments.push(makeComment(world, author, "Status update.", at));
      return;
    }
    case "discussion":
      addDiscussion(world, full, { number: link.number, closed: outcome === "done", isAnswered: outcome === "done", author, createdAt: created, updatedAt: at });
      return;
    case "branch":
      addBranchFor(repo, link, key, at, author);
      return;
    case "commit":
      addCommitFor(repo, link, at, author);
      return;
  }
}

function addBranchFor(repo: WorldRepo, link: Link, key: string, at: string, author: string): void {
  const name = link.branch ?? "main";
  if (repo.branches[name]) return;
  addBranch(repo, name, { commits: [{ oid: makeOid(`${key}:tip`), committedDate: at, author }] });
  if (link.base && !repo.branches[link.base.branch]) addBranch(repo, link.base.branch);
}

function addCommitFor(repo: WorldRepo, link: Link, at: string, author: string): void {
  if (!link.sha) return;
  // Short SHAs in links still name one commit: pad them deterministically to a full object id.
  const oid = (link.sha.toLowerCase() + makeOid(link.sha)).slice(0, 40);
  repo.branches[repo.defaultBranch]?.commits.push({ oid, message: "Hackathon commit", committedDate: at, author });
}

export interface DemoFile {
  /** Path in the demo repository, e.g. `wrapups/2026-09.md`. */
  path: string;
  text: string;
}

/** The world: the wrap-up repo (every file on main, the newest in PR #1), every linked item, one installation on it. */
export function buildDemoWorld(files: DemoFile[]): World {
  const world = createWorld();
  const texts = Object.fromEntries(files.map((f) => [f.path, f.text]));
  addRepo(world, DEMO_REPO, { files: { ...texts, ".github/wrapup-tracker.yml": DEMO_CONFIG }, collaborators: { ana: "admin" }, at: daysBefore(DEMO_NOW, 30) });
  // The pull request adds the newest wrap-up; the earlier ones are on main already.
  // A folder may hold an index page, or a wrap-up still without topics: the PR adds the newest one with topics.
  const wrapUps = files.filter((f) => {
    const parsed = parseWrapUp(f.text, { path: f.path });
    return parsed.kind === "wrap-up" && parsed.topics.length > 0;
  });
  const newest = [...(wrapUps.length > 0 ? wrapUps : files)].sort((a, b) => a.path.localeCompare(b.path)).at(-1)!;
  addPull(world, DEMO_REPO, { number: DEMO_PR, title: "Add the latest hackathon wrap-up", author: "ana", createdAt: daysBefore(DEMO_NOW, 1), head: { branch: "wrapups" }, files: { [newest.path]: newest.text } });
  const seen = new Set<string>();
  for (const file of files) {
    const wrapUp = parseWrapUp(file.text, { path: file.path });
    // Without a stated date, assume the event was three months ago.
    const eventDate = wrapUp.date ? `${wrapUp.date}T09:00:00Z` : daysBefore(DEMO_NOW, 90);
    for (const topic of wrapUp.topics) {
      for (const link of topic.links) {
        const key = isWorkItem(link) ? linkKey(link) : null;
        if (!key || seen.has(key) || !isWorkItem(link)) continue;
        seen.add(key);
        addWorkItem(world, link, key, eventDate);
      }
    }
  }
  addInstallation(world, DEMO_INSTALLATION, "demo", [DEMO_REPO]);
  return world;
}
