import type { DashboardTopic, DashboardView, IssueRef } from "../sweep/plan-dashboard.js";
import { renderStartBox } from "./dashboard-marker.js";
import { escapeInline } from "./escape-markdown.js";

/** Links the dashboard's sections share. */
export interface DashboardLinks {
  file(path: string): string;
  /** `[title](file#anchor)` */
  topic(topic: DashboardTopic): string;
  /** `#12` in this repository, `owner/name#12` elsewhere, linked. */
  issue(issue: IssueRef): string;
}

/** Items listed in "what it would do" before the rest is counted only. */
const LIST_MAX = 100;

/**
 * "Following up": the box and what it changes. Paused (new or unticked): what the app would do,
 * topic by topic. Running: how many follow-ups are open.
 */
export function renderFollowingUp(view: DashboardView, links: DashboardLinks, detailed: Set<string>): string {
  const { approval } = view;
  const opens = plural(view.opens.length, "follow-up issue");
  const reminds = plural(view.reminds.length, "tracking issue");
  if (!approval.approved) {
    const lead =
      approval.why === "new"
        ? "⏸️ **Nothing is followed up yet.** This dashboard is all wrapup-tracker has written. Tick the box to let it follow up on stalled topics:"
        : "⏸️ **Paused.** Follow-ups and reminders wait while the box is unticked. Tick it to start again:";
    const would = `It would open **${opens}** and remind on **${reminds}**${otherWrites(view)}${deferredNote(view)}.`;
    return ["### Following up", lead, renderStartBox(false), would, ...heldBackNote(view), ...renderList(view, links, detailed)].join("\n\n");
  }
  const lead =
    approval.why === "configured"
      ? "▶️ **Following up** (`followUp.approval: none`)."
      : approval.why === "followed-up-before"
        ? "▶️ **Following up**, as it did before this dashboard existed. Untick the box to pause follow-ups and reminders:"
        : "▶️ **Following up.** Untick the box to pause follow-ups and reminders:";
  // The state, not this sweep's writes: a sweep that changes nothing must render the same body.
  const open = plural(view.events.reduce((sum, e) => sum + e.followUps.length, 0), "follow-up issue");
  const tracked = plural(new Set(view.stalled.flatMap((s) => (s.where.kind === "tracking" ? [`${s.where.issue.repo}#${s.where.issue.number}`] : []))).size, "tracking issue");
  const state = `Now: **${open}** open, reminders on **${tracked}**${deferredNote(view)}.`;
  const box = approval.why === "configured" ? [] : [renderStartBox(true)];
  return ["### Following up", lead, ...box, state, ...heldBackNote(view)].join("\n\n");
}

/** When the horizon keeps stalled topics from follow-ups: how many, and the key that moves it. */
function heldBackNote(view: DashboardView): string[] {
  if (view.heldBack === 0) return [];
  const topics = view.heldBack === 1 ? "**1 stalled topic** gets" : `**${view.heldBack} stalled topics** get`;
  return [`${topics} no follow-up because ${view.heldBack === 1 ? "its event is" : "their events are"} older than the horizon of ${view.horizonDays} days. To follow them up, raise \`followUp.maxEventAgeDays\` in \`.github/wrapup-tracker.yml\`.`];
}

function renderList(view: DashboardView, links: DashboardLinks, detailed: Set<string>): string[] {
  const items = [
    ...view.opens.map((t) => `- open a follow-up for ${links.topic(t)} (${escapeInline(t.event, 60)})`),
    ...view.reminds.map((t) => `- remind on ${links.issue(t.issue)} for ${links.topic(t)} (${escapeInline(t.event, 60)})`),
  ];
  if (items.length === 0) return [];
  const wanted = [...view.opens, ...view.reminds].filter((t) => detailed.has(t.path)).length;
  const shown = items.slice(0, Math.min(LIST_MAX, Math.max(wanted, 0)));
  if (items.length > shown.length) shown.push(`- … and ${items.length - shown.length} more`);
  return [`<details>\n<summary>What it would do</summary>\n\n${shown.join("\n")}\n\n</details>`];
}

function otherWrites(view: DashboardView): string {
  return view.otherWrites > 0 ? ` (and ${plural(view.otherWrites, "other write")}, e.g. closing follow-ups whose topic is done)` : "";
}

function deferredNote(view: DashboardView): string {
  return view.deferred > 0 ? `; ${plural(view.deferred, "more follow-up")} at the next sweeps (\`followUp.maxNewPerSweep\`)` : "";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
