import type { LinkJudgement, TopicJudgement } from "../progress/types.js";
import { escapeInline } from "./escape-markdown.js";
import { shortLinkLabel } from "./render-parts.js";

/**
 * Why a topic has its verdict, saying what the Work column does not: the Work column already shows
 * each item and its state, so the Why names when the topic stalled and how long ago anything moved,
 * and which link that is only when there are several. "stalled since 2026-09-21; last activity
 * 61 days ago" — two dates that cannot read as a contradiction. Pure: `now` is given.
 */
export function renderWhy(judgement: TopicJudgement, now: Date, max = 160): string {
  const links = judgement.links.filter((l) => l.verdict !== "ignored");
  const cited = citedLink(judgement);
  const on = cited && links.length > 1 ? ` (${escapeInline(shortLinkLabel(cited.key), 80)})` : "";
  if (judgement.verdict === "stalled" && judgement.since) {
    const activity = cited?.lastActivityAt ? `last activity ${daysAgo(cited.lastActivityAt, now)}${on}` : escapeInline(judgement.reason, max);
    return `stalled since ${judgement.since}; ${activity}`;
  }
  if (judgement.inGrace || !cited) return escapeInline(judgement.reason, max);
  return `${escapeInline(withoutSubject(judgement.reason), max)}${on}`;
}

/** The link the verdict's reason is about, if the judgement names one. */
export function citedLink(judgement: TopicJudgement): LinkJudgement | undefined {
  return judgement.cites ? judgement.links.find((l) => l.key === judgement.cites) : undefined;
}

/** `61 days ago`, `1 day ago`, `today`: whole days, as the Why compares them. */
function daysAgo(time: string, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - Date.parse(time)) / 86_400_000));
  if (Number.isNaN(days)) return "at an unknown time";
  return days === 0 ? "today" : days === 1 ? "1 day ago" : `${days} days ago`;
}

/**
 * `PR acme/app#12 merged 45 days ago` → `merged 45 days ago`, `issue a/b#3 open, last activity 2 days
 * ago` → `last activity 2 days ago`: the item and its state are in the Work column. The
 * subject is the first of the reason's first three words naming `owner/repo…`; our own text, short.
 */
function withoutSubject(reason: string): string {
  const words = reason.split(" ");
  const at = words.slice(0, 3).findIndex((w) => w.includes("/"));
  if (at < 0 || at === words.length - 1) return reason;
  // "open," repeats the Work column's badge.
  return words.slice(at + 1).join(" ").replace(/^[,:;]\s*/, "").replace(/^open, /, "");
}
