import { DECLARED_STATUS_LABELS } from "../reading/find-board-topics.js";
import type { Link, Topic } from "../wrapup/types.js";
import { isWorkItem, linkKey } from "../wrapup/link-key.js";
import type { ResolvedStates } from "../github/types.js";
import type { LinkJudgement, TopicJudgement } from "./types.js";
import { judgeLink, type JudgeLinkOptions } from "./judge-link.js";
import { addDays, isOlderThanDays, toIsoDate } from "./durations.js";

export interface JudgeTopicOptions extends JudgeLinkOptions {
  /** Days after the event during which nothing is reported as stalled. */
  graceDays: number;
  /** The event's date (ISO date or time); without one there is no grace period. */
  eventDate?: string | null;
}

/** The topic's distinct work links (same item linked twice counts once), in document order. */
export function workLinksOf(topic: Topic): Link[] {
  const seen = new Set<string>();
  return topic.links.filter((link) => {
    const key = isWorkItem(link) ? linkKey(link) : null;
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Verdict for one topic (section 2 of the progress rules). */
export function judgeTopic(topic: Topic, states: ResolvedStates, options: JudgeTopicOptions): TopicJudgement {
  const links = workLinksOf(topic).map((link) => judgeLink(link, states.get(linkKey(link) ?? ""), options));
  const verdict = decide(topic, links.filter((l) => l.verdict !== "ignored"), options);
  if (verdict.verdict !== "stalled") return { ...verdict, since: null, links, inGrace: false };
  const graceEnd = graceEndOf(options);
  if (graceEnd && options.now.getTime() < Date.parse(graceEnd)) {
    const reason = `grace period until ${toIsoDate(graceEnd)}; ${verdict.reason}`;
    return { verdict: "active", reason, since: null, links, inGrace: true };
  }
  return { ...verdict, since: sinceOf(links, graceEnd, options.now), links, inGrace: false };
}

type Decision = Pick<TopicJudgement, "verdict" | "reason" | "cites">;

function decide(topic: Topic, links: LinkJudgement[], options: JudgeLinkOptions): Decision {
  const declared = topic.declaredStatus;
  // A board's 🙅 item was a proposal nobody took up: there is nothing to follow up, whatever it links.
  if (declared === "not-started") return { verdict: "untracked", reason: "not started at the event (🙅 on the board)" };
  if (declared && links.length === 0) {
    return declared === "done"
      ? { verdict: "done", reason: "marked ✅ done on the board; nothing linked to check" }
      : { verdict: "untracked", reason: `marked ${DECLARED_STATUS_LABELS[declared]} on the board, but nothing linked to watch` };
  }
  if (links.length === 0) {
    return topic.nextSteps === null
      ? { verdict: "unplanned", reason: "no next steps and no linked work: nothing to follow up" }
      : { verdict: "untracked", reason: "next steps, but no linked PR, issue or branch to watch" };
  }
  const known = links.filter((l) => l.verdict !== "unchecked");
  // What could not be checked says nothing about the work: a topic with nothing checked is
  // "unchecked", never "untracked" (which means nothing is linked) nor stalled.
  if (known.length === 0) return { verdict: "unchecked", reason: links[0]!.reason, cites: links[0]!.key };
  const unchecked = links.find((l) => l.verdict === "unchecked");
  // An unchecked link may be the open one (so not done) or the moving one (so not stalled): only
  // activity seen elsewhere settles the topic.
  const seenActive = newest(known.filter((l) => l.verdict === "active"));
  if (unchecked && !seenActive) return { verdict: "unchecked", reason: unchecked.reason, cites: unchecked.key };
  if (known.every((l) => l.verdict === "done")) {
    if (known.length === 1) return { verdict: "done", reason: known[0]!.reason, cites: known[0]!.key };
    return { verdict: "done", reason: `${known.length === 2 ? "both" : `all ${known.length}`} linked items done` };
  }
  const active = newest(known.filter((l) => l.verdict === "active"));
  if (active) return { verdict: "active", reason: active.reason, cites: active.key };
  const open = known.filter((l) => l.verdict === "stale" || l.verdict === "unpublished");
  // A PR merged last week is movement too, even while another one waits.
  const finished = newest(known.filter((l) => l.verdict === "done" && movedRecently(l, options)));
  if (finished) {
    const rest = known.length - known.filter((l) => l.verdict === "done").length;
    return { verdict: "active", reason: `${finished.reason}; ${rest} other link${rest === 1 ? "" : "s"} not done`, cites: finished.key };
  }
  if (topic.nextSteps === null && open.length === 0) return { verdict: "done", reason: "no next steps left; nothing open" };
  const evidence = newest(open) ?? newest(known.filter((l) => l.verdict !== "done")) ?? known[0]!;
  return { verdict: "stalled", reason: evidence.reason, cites: evidence.key };
}

function movedRecently(link: LinkJudgement, { now, staleAfterDays }: JudgeLinkOptions): boolean {
  return !!link.lastActivityAt && !isOlderThanDays(link.lastActivityAt, now, staleAfterDays);
}

/** The link whose last activity is most recent (links without one come last). */
function newest(links: LinkJudgement[]): LinkJudgement | undefined {
  const time = (l: LinkJudgement) => (l.lastActivityAt ? Date.parse(l.lastActivityAt) : -Infinity);
  return [...links].sort((a, b) => time(b) - time(a))[0];
}

function graceEndOf(options: JudgeTopicOptions): string | null {
  if (!options.eventDate || Number.isNaN(Date.parse(options.eventDate))) return null;
  return addDays(options.eventDate, options.graceDays);
}

/** When the last thing stopped moving, never before the grace period ended. */
function sinceOf(links: LinkJudgement[], graceEnd: string | null, now: Date): string {
  const times = links.map((l) => l.stalledSince).filter((t): t is string => !!t);
  if (graceEnd) times.push(graceEnd);
  if (times.length === 0) return toIsoDate(now);
  return toIsoDate(new Date(Math.max(...times.map((t) => Date.parse(t)))));
}
