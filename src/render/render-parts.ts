import type { LinkJudgement, StateBadge, TopicVerdict } from "../progress/types.js";
import { escapeInline, escapeUrl } from "./escape-markdown.js";

/** Pieces every renderer shares: verdict words, link labels, links to a topic's heading. */

/** One line per verdict: its icon and the word shown beside it. A new verdict is one more line here. */
export const VERDICT_EMOJI: Record<TopicVerdict, string> = {
  done: "✅",
  active: "🟢",
  stalled: "🔴",
  untracked: "⚪",
  unchecked: "❓",
  unplanned: "➖",
};

export const VERDICT_LABEL: Record<TopicVerdict, string> = {
  done: "done",
  active: "active",
  stalled: "stalled",
  untracked: "untracked",
  unchecked: "unchecked",
  unplanned: "no plan",
};

/** Totals, table columns and the chart: from finished to open-ended. */
export const VERDICT_ORDER: TopicVerdict[] = ["done", "active", "stalled", "untracked", "unchecked", "unplanned"];

/**
 * The verdicts a table or chart gives a column or layer to: all of them, but `unchecked` only when
 * some count has it — it is a passing failure of GitHub's, not a state of the work.
 */
export function shownVerdicts(counts: readonly Record<TopicVerdict, number>[]): TopicVerdict[] {
  return VERDICT_ORDER.filter((v) => v !== "unchecked" || counts.some((c) => c[v] > 0));
}

/** The status comment's rows: what needs a person first, what is finished last. */
export const VERDICT_URGENCY: TopicVerdict[] = ["stalled", "unchecked", "active", "untracked", "unplanned", "done"];

export function renderVerdict(verdict: TopicVerdict): string {
  return `${VERDICT_EMOJI[verdict]} ${VERDICT_LABEL[verdict]}`;
}

/** Where a topic lives on the web: the wrap-up file at a ref, at the heading's anchor. */
export interface TopicLocation {
  /** `owner/name` holding the wrap-up. */
  repo: string;
  /** Commit SHA or branch name. */
  ref: string;
  path: string;
  /** Default `https://github.com`; GitHub Enterprise Server has its own. */
  webUrl?: string;
}

export function fileUrl(location: TopicLocation): string {
  const base = (location.webUrl ?? "https://github.com").replace(/\/+$/, "");
  const path = location.path.split("/").map(encodeURIComponent).join("/");
  return `${base}/${location.repo}/blob/${encodeURIComponent(location.ref)}/${path}`;
}

export function topicUrl(location: TopicLocation, anchor: string): string {
  return `${fileUrl(location)}#${encodeURIComponent(anchor)}`;
}

/** `[text](url)` with both made safe; plain text when there is no URL. */
export function renderLink(text: string, url: string | null, max?: number): string {
  const label = escapeInline(text, max);
  return url ? `[${label}](${escapeUrl(url)})` : label;
}

/** Short label for a table cell: `gardener#669`, `improve-seed-authz`, `gardener@1a2b3c4`. */
export function shortLinkLabel(key: string): string {
  const match = /^([\w-]+):([^/]+)\/([^#@]+)([#@])(.*)$/.exec(key);
  if (!match) return key;
  const [, kind, , repo, sep, rest] = match;
  if (kind === "branch") return rest!;
  if (kind === "commit") return `${repo}@${rest!.slice(0, 7)}`;
  return `${repo}${sep}${rest}`;
}

function renderBadge(badge: StateBadge): string {
  return `\`${badge}\``;
}

/**
 * Each work link with its badge, e.g. `[gardener#669](…) \`open\``; file links left out. Past `max`
 * the rest fold into "+N more" — never the link with key `keep` (the one the Why cites): it takes
 * the last visible place instead.
 */
export function renderLinkBadges(links: LinkJudgement[], max: number, separator: string, keep?: string | null): string {
  const work = links.filter((l) => l.verdict !== "ignored");
  const shown = work.slice(0, max);
  const kept = keep ? work.find((l) => l.key === keep) : undefined;
  if (kept && !shown.includes(kept) && shown.length > 0) shown[shown.length - 1] = kept;
  const parts = shown.map((l) => `${renderLink(shortLinkLabel(l.key), l.url, 60)} ${renderBadge(l.badge)}`);
  if (work.length > max) parts.push(`+${work.length - max} more`);
  return parts.join(separator);
}

/** `2026-11-21 15:04 UTC` */
export function formatCheckTime(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
