/** Verdicts: what the progress rules conclude. Pure data. */

export type LinkVerdict =
  | "done"
  | "active"
  | "stale"
  | "abandoned"
  | "unpublished"
  | "missing"
  /** GitHub could not be asked (no answer in time, unreachable, an error): unknown, never evidence. */
  | "unchecked"
  /** Not a work item after all (e.g. a tree link whose existing ref leaves a file path). */
  | "ignored";

/**
 * `unplanned`: the topic names no next steps and links nothing — there is no evidence either way,
 * so it is neither done nor followed up ("done without evidence" misled readers). `unchecked`: some
 * linked work could not be checked and what was checked does not settle the topic.
 */
export type TopicVerdict = "done" | "active" | "stalled" | "untracked" | "unchecked" | "unplanned";

/** Every topic verdict, once: tallies and tables are built from this list, so a new verdict is one line. */
export const TOPIC_VERDICTS = ["done", "active", "stalled", "untracked", "unchecked", "unplanned"] as const satisfies readonly TopicVerdict[];

/** A zero tally for every verdict. */
export function emptyVerdictCounts(): Record<TopicVerdict, number> {
  return Object.fromEntries(TOPIC_VERDICTS.map((v) => [v, 0])) as Record<TopicVerdict, number>;
}

/** `file`: a tree link that named a path on a branch, shown in `report --json` but never rendered. */
export type StateBadge = "merged" | "open" | "draft" | "closed" | "no PR" | "missing" | "answered" | "done" | "unchecked" | "file";

export interface LinkJudgement {
  key: string;
  url: string;
  verdict: LinkVerdict;
  badge: StateBadge;
  /** One line naming the evidence, e.g. `PR gardener/gardener#669 open, no activity for 74 days`. */
  reason: string;
  /** ISO time of the last human activity we know of, if any. */
  lastActivityAt: string | null;
  /** ISO time this link stopped counting as moving (stale, abandoned, unpublished); null otherwise. Added by issue 4. */
  stalledSince?: string | null;
}

export interface TopicJudgement {
  verdict: TopicVerdict;
  reason: string;
  /** ISO date the topic became stalled (for escalation); null unless stalled. */
  since: string | null;
  links: LinkJudgement[];
  /** True while the grace period after the event holds back `stalled`. */
  inGrace: boolean;
  /** Key of the link the reason is about (the evidence), when one link decided the verdict. */
  cites?: string | null;
}

export type FindingKind =
  | "no-next-steps"
  | "no-links"
  | "empty-field"
  | "malformed-link"
  | "unresolvable-link"
  | "duplicate-topic"
  | "parse-warning"
  /** A topic board declares a status the linked items contradict (✅ but a PR still open). */
  | "status-mismatch"
  /** The file matched `paths` but does not read like a wrap-up. */
  | "not-a-wrap-up";

/** Something about the wrap-up document itself worth telling its authors. */
export interface Finding {
  kind: FindingKind;
  message: string;
  topicAnchor?: string;
  line?: number;
}

export interface TopicReport {
  /** The parsed topic (title, anchor, line, next steps, links). */
  topic: import("../wrapup/types.js").Topic;
  judgement: TopicJudgement;
}

/** One wrap-up file judged: the input of every renderer. */
export interface WrapUpReport {
  path: string;
  title: string | null;
  /** The event's date (ISO): the one the wrap-up states, else the fallback given (its first commit); null when unknown. */
  date: string | null;
  topics: TopicReport[];
  findings: Finding[];
  counts: Record<TopicVerdict, number>;
}
