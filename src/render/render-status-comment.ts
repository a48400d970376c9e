import type { TopicReport, WrapUpReport, Finding } from "../progress/types.js";
import { escapeInline, quoteBlock, renderCode } from "./escape-markdown.js";
import { STATUS_MARKER } from "./marker.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import {
  VERDICT_LABEL, VERDICT_EMOJI, VERDICT_URGENCY, fileUrl, formatCheckTime, renderLink, renderLinkBadges, renderVerdict, topicUrl,
  type TopicLocation,
} from "./render-parts.js";
import { renderWhy } from "./render-why.js";

export interface StatusCommentOptions {
  /** When the check ran (shown in the footer). */
  now: Date;
  /** `owner/name` of the repository holding the wrap-ups; without it titles are not linked. */
  repo?: string;
  /** The PR's head commit (or branch) to link headings at. */
  ref?: string;
  /** Default `https://github.com`. */
  webUrl?: string;
  /** Problems with `.github/wrapup-tracker.yml`, shown first when given. */
  configProblems?: string[];
  /** Body limit; GitHub's by default. */
  limit?: number;
  /** Carry-over: the earlier and later events a topic continues from / in (`12/2024`), if any. */
  continuity?: (path: string, anchor: string) => { from: string | null; in: string | null } | null;
}

/** Findings beyond this many are collapsed. */
const FINDINGS_OPEN = 5;
const FINDINGS_MAX = 50;

/**
 * The sticky comment on a wrap-up PR: per file a heading, one line of counts, one table row per topic,
 * next steps collapsed, findings; then a footer. Starts with `STATUS_MARKER`; stays under the limit.
 */
export function renderStatusComment(reports: WrapUpReport[], options: StatusCommentOptions): string {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const head = [STATUS_MARKER, ...renderConfigSection(options.configProblems)].join("\n\n");
  const tail = renderFooter(options.now);
  const full = reports.map((r) => renderFile(r, options, true)).join("\n\n");
  if (head.length + full.length + tail.length + 4 <= limit - 256) return fitBody({ head, main: full, tail }, limit);
  // Too long: next steps go first, then rows are cut with a visible note.
  const compact = reports.map((r) => renderFile(r, options, false)).join("\n\n");
  return fitBody({ head, main: compact, tail }, limit);
}

function locationOf(report: WrapUpReport, options: StatusCommentOptions): TopicLocation | null {
  if (!options.repo || !options.ref) return null;
  return { repo: options.repo, ref: options.ref, path: report.path, webUrl: options.webUrl };
}

function renderFile(report: WrapUpReport, options: StatusCommentOptions, withNextSteps: boolean): string {
  const location = locationOf(report, options);
  const title = renderLink(report.title ?? report.path, location ? fileUrl(location) : null, 120);
  const sections = [`### 📋 ${title}`, renderCounts(report)];
  // Said before the table: when even the table is too long, its end is what gets cut.
  if (!withNextSteps) sections.push("_Next steps are left out to stay within GitHub's size limit._");
  if (report.topics.length === 0) sections.push("No topics found in this file.");
  else sections.push(renderTable(byUrgency(report.topics), location, options.now, (anchor) => options.continuity?.(report.path, anchor) ?? null));
  if (withNextSteps) sections.push(...renderNextSteps(byUrgency(report.topics), location));
  sections.push(...renderFindings(report.findings));
  return sections.join("\n\n");
}

/** `` `wrapups/2026-11.md` · **23 topics** · 🔴 5 stalled · 🟢 9 active · ⚪ 3 untracked · ✅ 6 done`` (most urgent first) */
function renderCounts(report: WrapUpReport): string {
  const total = report.topics.length;
  const counts = VERDICT_URGENCY.filter((v) => report.counts[v] > 0).map((v) => `${VERDICT_EMOJI[v]} ${report.counts[v]} ${VERDICT_LABEL[v]}`);
  return [renderCode(report.path, 120), `**${total} topic${total === 1 ? "" : "s"}**`, ...counts].join(" · ");
}

/** Stalled first, then active, untracked, no plan, done; file order within each. */
function byUrgency(topics: TopicReport[]): TopicReport[] {
  const rank = (t: TopicReport) => VERDICT_URGENCY.indexOf(t.judgement.verdict);
  return [...topics].sort((a, b) => rank(a) - rank(b));
}

function renderTable(
  topics: TopicReport[],
  location: TopicLocation | null,
  now: Date,
  continuity: (anchor: string) => { from: string | null; in: string | null } | null,
): string {
  const rows = topics.map(({ topic, judgement }) => {
    const title = renderLink(topic.title || topic.heading, location ? topicUrl(location, topic.anchor) : null, 80) + renderContinuity(continuity(topic.anchor));
    const links = renderLinkBadges(judgement.links, 3, "<br>", judgement.cites) || "—";
    return `| ${renderVerdict(judgement.verdict)} | ${title} | ${links} | ${renderWhy(judgement, now)} |`;
  });
  return ["| Status | Topic | Work | Why |", "| :-- | :-- | :-- | :-- |", ...rows].join("\n");
}

/** ` · _continued from 12/2024_`, ` · _continued in 06/2025_`, or nothing. */
function renderContinuity(found: { from: string | null; in: string | null } | null): string {
  const parts = [found?.from ? `continued from ${escapeInline(found.from, 60)}` : null, found?.in ? `continued in ${escapeInline(found.in, 60)}` : null];
  const said = parts.filter((p): p is string => p !== null);
  return said.length > 0 ? `<br>_${said.join(", ")}_` : "";
}

function renderNextSteps(topics: TopicReport[], location: TopicLocation | null): string[] {
  const withSteps = topics.filter((t) => t.topic.nextSteps !== null && t.judgement.verdict !== "done");
  if (withSteps.length === 0) return [];
  const items = withSteps.map(({ topic, judgement }) => {
    const title = renderLink(topic.title || topic.heading, location ? topicUrl(location, topic.anchor) : null, 80);
    return `${VERDICT_EMOJI[judgement.verdict]} **${title}**\n\n${quoteBlock(topic.nextSteps ?? "", 1500)}`;
  });
  const summary = `Next steps of ${withSteps.length} open topic${withSteps.length === 1 ? "" : "s"}`;
  return [`<details>\n<summary>${summary}</summary>\n\n${items.join("\n\n")}\n\n</details>`];
}

function renderFindings(findings: Finding[]): string[] {
  if (findings.length === 0) return [];
  const lines = findings.slice(0, FINDINGS_MAX).map((f) => `- ${escapeInline(f.message, 240)}`);
  if (findings.length > FINDINGS_MAX) lines.push(`- … and ${findings.length - FINDINGS_MAX} more`);
  const title = `📝 ${findings.length} finding${findings.length === 1 ? "" : "s"} about this wrap-up`;
  if (findings.length <= FINDINGS_OPEN) return [`**${title}**\n\n${lines.join("\n")}`];
  return [`<details>\n<summary>${title}</summary>\n\n${lines.join("\n")}\n\n</details>`];
}

function renderConfigSection(problems: string[] | undefined): string[] {
  if (!problems || problems.length === 0) return [];
  const lines = problems.slice(0, 30).map((p) => `- ${escapeInline(p, 240)}`);
  return [`**⚠️ \`.github/wrapup-tracker.yml\` has problems** — wrapup-tracker will not follow up on anything until they are fixed:\n\n${lines.join("\n")}`];
}

function renderFooter(now: Date): string {
  return `<sub>Checked ${formatCheckTime(now)} by wrapup-tracker · comment \`/refresh\` to update</sub>`;
}
