import type { Topic } from "../wrapup/types.js";
import { isWorkItem, linkKey } from "../wrapup/link-key.js";
import { titlesMatch } from "./match-titles.js";

/**
 * Carry-over: hackathon topics continue at the next event. A later topic continues an earlier one
 * (of an earlier event) when they share a tracking issue or a work link, or when their titles match
 * closely. Continuations chain into one thread; its latest topic owns it (gets its one follow-up).
 * Pure: events in, threads out.
 */

/** One event as carry-over needs it: parsed wrap-ups and judged reports both fit. */
export interface ThreadEvent {
  path: string;
  title: string | null;
  /** ISO date of the event; undated events sort after dated ones, by path. */
  date: string | null;
  topics: Topic[];
}

export type ThreadReason = "tracking issue" | "work link" | "title";

export interface ThreadTopic {
  path: string;
  anchor: string;
  title: string;
  /** Short name of the topic's event for "continued from …": `12/2024`, else its title or path. */
  event: string;
}

export interface TopicThread {
  /** Oldest event first; the last one owns the thread. */
  topics: ThreadTopic[];
  /** What tied them, each reason once. */
  reasons: ThreadReason[];
}

export interface Continuity {
  /** The topic this one continues (from an earlier event), if any. */
  from: ThreadTopic | null;
  /** The topic continuing this one (at a later event), if any. */
  in: ThreadTopic | null;
  thread: TopicThread;
}

export interface Threads {
  /** Threads spanning at least two events, oldest first. */
  list: TopicThread[];
  /** Where a topic stands in its thread; null when it is in none. */
  of(path: string, anchor: string): Continuity | null;
}

interface Node {
  event: number;
  ref: ThreadTopic;
  tracking: Set<string>;
  work: Set<string>;
  /** Has next steps or work links: only such topics are tied by title (a "Group Picture" is not). */
  followable: boolean;
}

export function findThreads(events: ThreadEvent[]): Threads {
  const ordered = [...events].sort(compareEvents);
  const nodes = ordered.flatMap((event, index) => event.topics.map((topic) => toNode(event, index, topic)));
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const reasons = new Map<number, Set<ThreadReason>>();
  for (let later = 0; later < nodes.length; later += 1) {
    for (let earlier = 0; earlier < later; earlier += 1) {
      if (nodes[earlier]!.event === nodes[later]!.event) continue;
      const why = continuesBecause(nodes[earlier]!, nodes[later]!);
      if (!why) continue;
      const [a, b] = [root(earlier), root(later)];
      const merged = new Set([...(reasons.get(a) ?? []), ...(reasons.get(b) ?? []), why]);
      parent[b] = a;
      reasons.set(a, merged);
    }
  }
  const groups = new Map<number, Node[]>();
  nodes.forEach((node, i) => groups.set(root(i), [...(groups.get(root(i)) ?? []), node]));
  const list: TopicThread[] = [];
  const byTopic = new Map<string, Continuity>();
  for (const [id, members] of groups) {
    if (new Set(members.map((m) => m.event)).size < 2) continue;
    const thread: TopicThread = { topics: members.map((m) => m.ref), reasons: [...(reasons.get(id) ?? [])] };
    list.push(thread);
    members.forEach((member, i) => {
      const from = [...members.slice(0, i)].reverse().find((m) => m.event < member.event)?.ref ?? null;
      const next = members.slice(i + 1).find((m) => m.event > member.event)?.ref ?? null;
      byTopic.set(topicId(member.ref.path, member.ref.anchor), { from, in: next, thread });
    });
  }
  return { list, of: (path, anchor) => byTopic.get(topicId(path, anchor)) ?? null };
}

function continuesBecause(earlier: Node, later: Node): ThreadReason | null {
  for (const key of later.tracking) if (earlier.tracking.has(key)) return "tracking issue";
  for (const key of later.work) if (earlier.work.has(key)) return "work link";
  if (!earlier.followable || !later.followable) return null;
  return titlesMatch(earlier.ref.title, later.ref.title) ? "title" : null;
}

function toNode(event: ThreadEvent, index: number, topic: Topic): Node {
  const tracking = new Set<string>();
  const work = new Set<string>();
  for (const link of topic.links) {
    const key = isWorkItem(link) ? linkKey(link) : null;
    if (!key) continue;
    // Pull requests, issues and discussions share one number space: `#12` is one item however linked.
    const item = key.replace(/^(pull|issue|issue-or-pull|discussion):/, "item:");
    work.add(item);
    const isIssue = link.kind === "issue" || link.kind === "issue-or-pull";
    if (isIssue && (link.field === "tracking" || link.field === "issue")) tracking.add(item);
  }
  const ref = { path: event.path, anchor: topic.anchor, title: topic.title || topic.heading, event: eventLabel(event) };
  return { event: index, ref, tracking, work, followable: topic.nextSteps !== null || work.size > 0 };
}

/** `12/2024` for a dated event; its title (else path) otherwise. */
export function eventLabel(event: Pick<ThreadEvent, "date" | "title" | "path">): string {
  const match = /^(\d{4})-(\d{2})/.exec(event.date ?? "");
  return match ? `${match[2]}/${match[1]}` : (event.title ?? event.path);
}

function compareEvents(a: ThreadEvent, b: ThreadEvent): number {
  if (a.date && b.date && a.date !== b.date) return a.date < b.date ? -1 : 1;
  if (!a.date !== !b.date) return a.date ? -1 : 1;
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

function topicId(path: string, anchor: string): string {
  return `${path}#${anchor}`;
}
