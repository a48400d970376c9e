import type { Topic } from "../wrapup/types.js";
import { isWorkItem, linkKey } from "../wrapup/link-key.js";
import { TITLE_MATCH_RATIO, titlesMatch, titleWords } from "./match-titles.js";

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
  words: Set<string>;
}

export function findThreads(events: ThreadEvent[]): Threads {
  const ordered = [...events].sort(compareEvents);
  const nodes = ordered.flatMap((event, index) => event.topics.map((topic) => toNode(event, index, topic)));
  const parent = nodes.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i]!)));
  const reasons = new Map<number, Set<ThreadReason>>();
  const join = (earlier: number, later: number, why: ThreadReason) => {
    const [a, b] = [root(earlier), root(later)];
    if (a !== b) parent[b] = a;
    reasons.set(a, new Set([...(reasons.get(a) ?? []), ...(a !== b ? (reasons.get(b) ?? []) : []), why]));
  };
  // Indexes of the earlier events only: an event's own topics are added once it has been matched.
  const index = createIndex(nodes);
  let start = 0;
  while (start < nodes.length) {
    let end = start;
    while (end < nodes.length && nodes[end]!.event === nodes[start]!.event) end += 1;
    for (let later = start; later < end; later += 1) {
      for (const [earlier, why] of index.matches(nodes[later]!)) join(earlier, later, why);
    }
    for (let i = start; i < end; i += 1) index.add(i);
    start = end;
  }
  const groups = new Map<number, Node[]>();
  nodes.forEach((node, i) => {
    const id = root(i);
    const members = groups.get(id);
    if (members) members.push(node);
    else groups.set(id, [node]);
  });
  const list: TopicThread[] = [];
  const byTopic = new Map<string, Continuity>();
  for (const [id, members] of groups) {
    if (members.length < 2 || members[0]!.event === members.at(-1)!.event) continue;
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

/**
 * Candidate earlier topics without comparing every pair (a history of thousands of topics stays
 * fast): by shared link keys, and by title words with the prefix filter of set-similarity joins —
 * two titles can only reach the ratio if they share one of their rarest few words.
 */
function createIndex(nodes: Node[]) {
  const byTracking = new Map<string, number[]>();
  const byWork = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const frequency = new Map<string, number>();
  for (const node of nodes) for (const word of node.words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const prefix = (node: Node) => {
    const sorted = [...node.words].sort((a, b) => frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : 1));
    return sorted.slice(0, sorted.length - Math.ceil(TITLE_MATCH_RATIO * sorted.length) + 1);
  };
  const titled = (node: Node) => node.followable && node.words.size >= 2;
  const push = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  return {
    add(i: number) {
      const node = nodes[i]!;
      for (const key of node.tracking) push(byTracking, key, i);
      for (const key of node.work) push(byWork, key, i);
      if (titled(node)) for (const word of prefix(node)) push(byWord, word, i);
    },
    matches(node: Node): Map<number, ThreadReason> {
      const found = new Map<number, ThreadReason>();
      for (const key of node.tracking) for (const i of byTracking.get(key) ?? []) found.set(i, "tracking issue");
      for (const key of node.work) for (const i of byWork.get(key) ?? []) if (!found.has(i)) found.set(i, "work link");
      if (!titled(node)) return found;
      for (const word of prefix(node)) {
        for (const i of byWord.get(word) ?? []) {
          if (!found.has(i) && titlesMatch(nodes[i]!.ref.title, node.ref.title)) found.set(i, "title");
        }
      }
      return found;
    },
  };
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
  return { event: index, ref, tracking, work, followable: topic.nextSteps !== null || work.size > 0, words: titleWords(ref.title) };
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
