import type { LinkJudgement, StateBadge, TopicVerdict } from "../progress/types.js";
import { escapeInline, escapeUrl } from "./escape-markdown.js";

/** Pieces every renderer shares: verdict words, link labels, links to a topic's heading. */

export const VERDICT_EMOJI: Record<TopicVerdict, string> = {
  done: "✅",
  active: "🟢",
  stalled: "🔴",
  untracked: "⚪",
  unchecked: "❓",
};

export const VERDICT_ORDER: TopicVerdict[] = ["done", "active", "stalled", "untracked", "unchecked"];

export function renderVerdict(verdict: TopicVerdict): string {
  return `${VERDICT_EMOJI[verdict]} ${verdict}`;
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

/** Each work link with its state badge, e.g. `[gardener#669](…) \`open\``; file links left out. */
export function renderLinkBadges(links: LinkJudgement[], max: number, separator: string): string {
  const shown = links.filter((l) => l.verdict !== "ignored");
  const parts = shown.slice(0, max).map((l) => `${renderLink(shortLinkLabel(l.key), l.url, 60)} ${renderBadge(l.badge)}`);
  if (shown.length > max) parts.push(`+${shown.length - max} more`);
  return parts.join(separator);
}

/** `2026-11-21 15:04 UTC` */
export function formatCheckTime(now: Date): string {
  return `${now.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
