import type { SweepSummary } from "../sweep/run-sweep.js";
import type { ExecutedAction } from "../writes/sync-follow-ups.js";
import { describeAction } from "../writes/sync-follow-ups.js";
import { VERDICT_LABEL, VERDICT_URGENCY } from "../render/render-parts.js";

/**
 * What `wrapup-tracker sweep` prints without `--json`: one sentence per outcome, as a person would
 * say it ("Opened the dashboard #12; 3 follow-ups wait for its box."). A dry run lists every write
 * it would make, the dashboard's included. Pure: the summary in, lines out.
 */
export function describeSweep(summary: SweepSummary): string[] {
  if (summary.status === "config-unavailable") return [`Could not read the configuration of ${summary.repo}: ${summary.error ?? "unknown error"}. Nothing was written.`];
  const lines = [checkedLine(summary)];
  if (summary.problems?.length) lines.push(`The configuration has ${plural(summary.problems.length, "problem")}; nothing is followed up until they are fixed:`, ...summary.problems.map((p) => `  - ${p}`));
  if (summary.configIssue !== "none" && summary.configIssue !== "unchanged") lines.push(`The issue "wrapup-tracker: invalid configuration" was ${summary.configIssue}.`);
  return summary.dryRun ? [...lines, ...dryRunLines(summary)] : [...lines, ...writtenLines(summary)];
}

function checkedLine(summary: SweepSummary): string {
  const topics = VERDICT_URGENCY.reduce((sum, v) => sum + summary.topics[v], 0);
  const counts = VERDICT_URGENCY.filter((v) => summary.topics[v] > 0).map((v) => `${summary.topics[v]} ${VERDICT_LABEL[v]}`);
  const tally = counts.length > 0 ? ` (${counts.join(", ")})` : "";
  return `Checked ${plural(summary.files, "wrap-up")} in ${summary.repo}: ${plural(topics, "topic")}${tally}.`;
}

function dryRunLines(summary: SweepSummary): string[] {
  const writes = [...dashboardPlan(summary), ...summary.actions.map((a) => `  - ${describeAction(a.action)}`)];
  if (writes.length === 0) return ["Dry run: there is nothing to write."];
  const paused = summary.approval === "new" || summary.approval === "unticked";
  const note = paused && summary.actions.length > 0 ? " (follow-ups and reminders only once a person ticks the dashboard's box)" : "";
  return [`Dry run: nothing was written. A real sweep would make ${plural(writes.length, "write")}${note}:`, ...writes];
}

function dashboardPlan(summary: SweepSummary): string[] {
  if (summary.dashboard !== "planned") return [];
  return [summary.dashboardIssue ? `  - update the dashboard #${summary.dashboardIssue}` : "  - open the dashboard issue"];
}

function writtenLines(summary: SweepSummary): string[] {
  const lines: string[] = [];
  const dashboard = dashboardLine(summary);
  const waiting = summary.actions.filter((a) => a.outcome === "planned");
  const where = summary.dashboardIssue ? ` #${summary.dashboardIssue}` : "";
  if (dashboard && waiting.length > 0) lines.push(`${dashboard}; ${waitingText(waiting)} wait for its box.`);
  else if (dashboard) lines.push(`${dashboard}.`);
  else if (waiting.length > 0) lines.push(`${capitalize(waitingText(waiting))} wait for the box on the dashboard${where}.`);
  for (const executed of summary.actions.filter((a) => a.outcome !== "planned")) lines.push(actionLine(executed));
  if (summary.deferred > 0) lines.push(`${capitalize(plural(summary.deferred, "more write"))} ${summary.deferred === 1 ? "waits" : "wait"} for the next sweep.`);
  if (summary.stoppedBy) lines.push(`Stopped early: ${summary.stoppedBy}.`);
  if (summary.writes === 0 && summary.failed === 0 && waiting.length === 0 && summary.dashboard === "unchanged") lines.push("Nothing changed, so nothing was written.");
  return lines;
}

function dashboardLine(summary: SweepSummary): string | null {
  const number = summary.dashboardIssue ? ` #${summary.dashboardIssue}` : "";
  switch (summary.dashboard) {
    case "created":
      return `Opened the dashboard${number}`;
    case "updated":
      return `Updated the dashboard${number}`;
    case "box-changed":
      return `Left the dashboard${number} alone: a person ticked or unticked its box meanwhile, and the sweep that starts rewrites it`;
    case "failed":
      return `Could not write the dashboard: ${summary.dashboardError ?? "unknown error"}`;
    default:
      return null;
  }
}

function waitingText(waiting: ExecutedAction[]): string {
  const opens = waiting.filter((a) => a.action.kind === "create-issue").length;
  const reminders = waiting.filter((a) => a.action.kind === "comment").length;
  const other = waiting.length - opens - reminders;
  return [opens && plural(opens, "follow-up"), reminders && plural(reminders, "reminder"), other && plural(other, "other write")].filter(Boolean).join(", ");
}

function actionLine({ action, outcome, number, error, recovered }: ExecutedAction): string {
  const where = `${action.repo.owner}/${action.repo.repo}`;
  if (outcome === "failed") return `Failed to ${describeAction(action)}: ${error ?? "unknown error"}.`;
  if (outcome === "deferred") return `Left for the next sweep: ${describeAction(action)}.`;
  const found = recovered ? " (GitHub answered an error, but it had been applied)" : "";
  switch (action.kind) {
    case "create-issue":
      return `Opened ${where}#${number ?? "?"} "${action.title}"${found}.`;
    case "comment":
      return `Commented on ${where}#${action.number} (${action.why})${found}.`;
    case "update-issue":
      return `Updated ${where}#${action.number} (${action.why}).`;
    case "close-issue":
      return `Closed ${where}#${action.number} (${action.why}).`;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
