import type { DashboardEvent, DashboardTopic, DashboardView, IssueRef } from "../sweep/plan-dashboard.js";
import { DASHBOARD_MARKER } from "./dashboard-marker.js";
import { escapeInline, renderCode } from "./escape-markdown.js";
import { fitBody, GITHUB_BODY_LIMIT } from "./fit-body.js";
import { CHART_MAX_EVENTS, renderChartCaption, renderVerdictChart } from "./render-dashboard-chart.js";
import { renderFollowingUp, type DashboardLinks } from "./render-dashboard-approval.js";
import { VERDICT_EMOJI, VERDICT_LABEL, VERDICT_ORDER, fileUrl, shownVerdicts, formatCheckTime, renderLink, shortLinkLabel } from "./render-parts.js";
import { emptyVerdictCounts, type TopicVerdict } from "../progress/types.js";

export interface DashboardOptions {
  now: Date;
  /** `owner/name` of the wrap-up repository (the dashboard's own). */
  repo: string;
  /** The default branch: files and headings are linked there. */
  ref: string;
  webUrl?: string;
  limit?: number;
}

/** Room kept below GitHub's limit before a smaller rendering is tried. */
const MARGIN = 512;

/**
 * The dashboard issue's body. Under GitHub's limit whatever the history: details of older events
 * go first (their stalled topics and threads), then their table rows fold into one line.
 */
export function renderDashboard(view: DashboardView, options: DashboardOptions): string {
  const limit = options.limit ?? GITHUB_BODY_LIMIT;
  const all = view.events.length;
  const fits = (detail: number, rows: number) => compose(view, options, detail, rows).length <= limit - MARGIN;
  if (fits(all, all)) return compose(view, options, all, all);
  const detail = largest(0, all, (n) => fits(n, all));
  if (detail !== null) return compose(view, options, detail, all);
  const rows = largest(1, all, (n) => fits(0, n)) ?? 1;
  const body = compose(view, options, 0, rows);
  return body.length <= limit - MARGIN ? body : fitBody({ head: DASHBOARD_MARKER, main: body.slice(DASHBOARD_MARKER.length).trim(), tail: "" }, limit);
}

/** The largest n in [low, high] with `ok(n)`, for an `ok` true up to some n and false after. */
function largest(low: number, high: number, ok: (n: number) => boolean): number | null {
  if (!ok(low)) return null;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (ok(mid)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** `detail`: newest events whose stalled topics and threads are listed; `rows`: newest events with a table row. */
function compose(view: DashboardView, options: DashboardOptions, detail: number, rows: number): string {
  const links = linksFor(options);
  const detailed = new Set(view.events.slice(0, detail).map((e) => e.path));
  const sections = [
    DASHBOARD_MARKER,
    renderSummary(view),
    renderFollowingUp(view, links, detailed),
    renderEvents(view, links, rows),
    ...renderChart(view),
    ...renderStalled(view, links, detailed),
    ...renderThreads(view, links, detailed),
    renderProblems(view),
    renderHowItWorks(view),
    `<sub>Checked ${formatCheckTime(options.now)} by wrapup-tracker · comment \`/refresh\` to check again now</sub>`,
  ];
  return sections.join("\n\n");
}

function linksFor(options: DashboardOptions): DashboardLinks {
  const base = (options.webUrl ?? "https://github.com").replace(/\/+$/, "");
  const location = (path: string) => ({ repo: options.repo, ref: options.ref, path, ...(options.webUrl ? { webUrl: options.webUrl } : {}) });
  return {
    file: (path) => fileUrl(location(path)),
    topic: (topic: DashboardTopic) => renderLink(topic.title, `${fileUrl(location(topic.path))}#${encodeURIComponent(topic.anchor)}`, 100),
    issue: (issue: IssueRef) => {
      const label = issue.repo.toLowerCase() === options.repo.toLowerCase() ? `#${issue.number}` : `${issue.repo}#${issue.number}`;
      return renderLink(label, `${base}/${issue.repo}/issues/${issue.number}`, 80);
    },
  };
}

function renderSummary(view: DashboardView): string {
  const totals = emptyVerdictCounts();
  for (const event of view.events) for (const v of VERDICT_ORDER) totals[v] += event.counts[v];
  const topics = view.events.reduce((sum, e) => sum + e.topics, 0);
  const counts = VERDICT_ORDER.filter((v) => totals[v] > 0).map((v) => `${VERDICT_EMOJI[v]} ${totals[v]} ${VERDICT_LABEL[v]}`).join(" · ");
  const events = `${view.events.length} event${view.events.length === 1 ? "" : "s"}`;
  return `wrapup-tracker follows the hackathon wrap-ups of this repository: **${events}**, ${topics} topics · ${counts}.`;
}

/**
 * Recent events in a table; events past the horizon folded under `<details>`, their own table. The
 * horizon is said once, above both. `rows`: how many events (newest first) keep a row of their own.
 */
function renderEvents(view: DashboardView, links: DashboardLinks, rows: number): string {
  if (view.events.length === 0) return "### Events\n\nNo wrap-ups found yet.";
  const recent = view.events.filter((e) => e.recent);
  const older = view.events.filter((e) => !e.recent);
  const intro = `Follow-ups and reminders concern events of the last **${view.horizonDays} days** (\`followUp.maxEventAgeDays\`); older events stay listed here.`;
  const verdicts = shownVerdicts(view.events.map((e) => e.counts));
  const table = (events: DashboardEvent[], offset: number) => {
    const keep = Math.max(0, Math.min(events.length, rows - offset));
    const lines = events.slice(0, keep).map((event) => eventRow(event, links, verdicts));
    if (keep < events.length) lines.push(foldedRow(events.slice(keep), verdicts));
    return `${eventsHeader(verdicts)}\n${lines.join("\n")}`;
  };
  const parts = [`### Events\n\n${intro}`, recent.length > 0 ? table(recent, 0) : `No event within the last ${view.horizonDays} days.`];
  if (older.length > 0) {
    const summary = `${older.length} older event${older.length === 1 ? "" : "s"}, without follow-ups (${totalsText(older)})`;
    parts.push(`<details>\n<summary>${summary}</summary>\n\n${table(older, recent.length)}\n\n</details>`);
  }
  return parts.join("\n\n");
}

function eventsHeader(verdicts: TopicVerdict[]): string {
  return [
    `| Event | Date | Topics | ${verdicts.map((v) => VERDICT_EMOJI[v]).join(" | ")} | Open follow-ups |`,
    `| :-- | :-- | --: | ${verdicts.map(() => "--:").join(" | ")} | :-- |`,
  ].join("\n");
}

function eventRow(event: DashboardEvent, links: DashboardLinks, verdicts: TopicVerdict[]): string {
  const title = renderLink(event.title, links.file(event.path), 90);
  const date = event.date ? event.date.slice(0, 10) : "—";
  const followUps = event.followUps.length > 0 ? listIssues(event.followUps, links, 8) : "—";
  return `| ${title} | ${date} | ${event.topics} | ${verdicts.map((v) => event.counts[v]).join(" | ")} | ${followUps} |`;
}

/** The events left without a row of their own, as one line of sums. */
function foldedRow(folded: DashboardEvent[], verdicts: TopicVerdict[]): string {
  const topics = folded.reduce((sum, e) => sum + e.topics, 0);
  const counts = verdicts.map((v) => folded.reduce((sum, e) => sum + e.counts[v], 0));
  return `| ${folded.length} more events | | ${topics} | ${counts.join(" | ")} | |`;
}

function totalsText(events: DashboardEvent[]): string {
  const topics = events.reduce((sum, e) => sum + e.topics, 0);
  const counts = VERDICT_ORDER.flatMap((v) => {
    const n = events.reduce((sum, e) => sum + e.counts[v], 0);
    return n > 0 ? [`${VERDICT_EMOJI[v]} ${n}`] : [];
  });
  return [`${topics} topics`, ...counts].join(" · ");
}

function listIssues(issues: IssueRef[], links: DashboardLinks, max: number): string {
  const shown = issues.slice(0, max).map(links.issue);
  if (issues.length > max) shown.push(`+${issues.length - max}`);
  return shown.join(" ");
}

function renderChart(view: DashboardView): string[] {
  const oldestFirst = [...view.events].reverse().map((e) => ({ label: e.date ? e.date.slice(0, 7) : e.title, counts: e.counts }));
  const chart = renderVerdictChart(oldestFirst);
  const caption = renderChartCaption(Math.min(oldestFirst.length, CHART_MAX_EVENTS), oldestFirst.length, shownVerdicts(oldestFirst.map((e) => e.counts)));
  return chart ? [`### Verdicts per event\n\n${caption}\n\n${chart}`] : [];
}

function renderStalled(view: DashboardView, links: DashboardLinks, detailed: Set<string>): string[] {
  const heading = "### Stalled topics of recent events";
  const rows = view.stalled.filter((s) => detailed.has(s.path));
  if (view.stalled.length === 0) return [`${heading}\n\nNone.`];
  const lines = rows.map((s) => {
    const from = s.continuedFrom ? ` · continued from ${escapeInline(s.continuedFrom, 60)}` : "";
    const why = s.since ? `stalled since ${s.since}${s.cites ? ` (${escapeInline(shortLinkLabel(s.cites), 80)})` : ""}` : escapeInline(s.reason, 160);
    return `- 🔴 ${links.topic(s)} (${escapeInline(s.event, 60)}${from}) — ${whereText(s.where, links)} — ${why}`;
  });
  const left = view.stalled.length - rows.length;
  if (left > 0) lines.push(`- … and ${left} more of older events, left out to stay within GitHub's size limit`);
  return [`${heading}\n\n${lines.join("\n")}`];
}

function whereText(where: DashboardView["stalled"][number]["where"], links: DashboardLinks): string {
  const via = (tracking: IssueRef | null) => (tracking ? ` here, as wrapup-tracker is not installed where its tracking issue ${links.issue(tracking)} is` : "");
  switch (where.kind) {
    case "follow-up":
      return `follow-up ${links.issue(where.issue)}`;
    case "tracking":
      return `reminders on ${links.issue(where.issue)}`;
    case "would-open":
      return `would open a follow-up${via(where.tracking)}`;
    case "would-remind":
      return `would remind on ${links.issue(where.issue)}`;
    case "next-sweep":
      return `follow-up at a next sweep${via(where.tracking)}`;
    case "none":
      return escapeInline(where.why, 120);
  }
}

function renderThreads(view: DashboardView, links: DashboardLinks, detailed: Set<string>): string[] {
  if (view.threads.length === 0) return [];
  const shown = view.threads.filter((t) => detailed.has(t.steps.at(-1)!.path));
  const lines = shown.map((thread) => {
    const steps = thread.steps.map((s) => `${escapeInline(s.event, 60)} ${VERDICT_EMOJI[s.verdict]} ${links.topic(s)}`).join(" → ");
    const followUp = thread.followUp ? ` · follow-up ${links.issue(thread.followUp)}` : "";
    return `- ${steps}${followUp} · _tied by ${thread.reasons.join(", ")}_`;
  });
  const left = view.threads.length - shown.length;
  if (left > 0) lines.push(`- … and ${left} more ending at older events`);
  const intro = "A later topic continues an earlier one when they share a tracking issue or a work link, or their titles match closely. Each thread gets one follow-up, kept by its latest topic.";
  return [`### Threads across events\n\n${intro}\n\n${lines.join("\n")}`];
}

function renderProblems(view: DashboardView): string {
  if (view.problems.length === 0) return "### Configuration\n\nNo problems found with `.github/wrapup-tracker.yml` or with what this sweep tried to write.";
  const lines = view.problems.slice(0, 30).map((p) => `- ⚠️ ${escapeInline(p, 300)}`);
  if (view.problems.length > 30) lines.push(`- … and ${view.problems.length - 30} more`);
  return `### Configuration\n\n${lines.join("\n")}`;
}

function renderHowItWorks(view: DashboardView): string {
  const lines = [
    "- The app rewrites this issue at each sweep (only when something changed). Edits to it are overwritten, except the box.",
    view.approval.why === "configured"
      ? "- `followUp.approval: none` is configured: follow-ups start without the box."
      : "- **The box** starts follow-ups and reminders; unticking it pauses them. Status comments on wrap-up pull requests never wait for it.",
    "- A tracking issue gets reminders only where wrapup-tracker is installed; elsewhere a follow-up issue opens here and links it.",
    "- Comment `/refresh` here to sweep again now (same permission and cooldown as elsewhere).",
    `- Configure it in ${renderCode(".github/wrapup-tracker.yml")}; the keys are documented in the app's \`config/default.yml\`.`,
  ];
  return `<details>\n<summary>How this dashboard works</summary>\n\n${lines.join("\n")}\n\n</details>`;
}
