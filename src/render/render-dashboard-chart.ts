import type { TopicVerdict } from "../progress/types.js";

/**
 * The dashboard's chart: topics per event as stacked bars, oldest event on the left. Mermaid's
 * `xychart-beta` has no stacked bars and no legend, so the bars are drawn cumulatively on top of
 * each other (all topics, then all but untracked, then done + active, then done), coloured like
 * our emoji, and the caption says which colour is which. GitHub renders it in issues. Pure.
 */

export interface ChartEvent {
  /** `2024-12`, or a short title for an undated event. */
  label: string;
  counts: Record<TopicVerdict, number>;
}

/** A chart wider than this many bars cannot be read: the newest ones are shown. */
export const CHART_MAX_EVENTS = 24;

/** Grey (untracked), red (stalled), light green (active), dark green (done), in drawing order; then the zero line. */
const PALETTE = "#afb8c1, #cf222e, #4ac26b, #116329, #afb8c1";

export const CHART_CAPTION = "Topics per event, oldest first: dark green ✅ done · light green 🟢 active · red 🔴 stalled · grey ⚪ untracked.";

export function renderVerdictChart(eventsOldestFirst: ChartEvent[]): string | null {
  const events = eventsOldestFirst.slice(-CHART_MAX_EVENTS);
  if (events.length === 0) return null;
  const layers = [
    events.map(({ counts: c }) => c.done + c.active + c.stalled + c.untracked),
    events.map(({ counts: c }) => c.done + c.active + c.stalled),
    events.map(({ counts: c }) => c.done + c.active),
    events.map(({ counts: c }) => c.done),
  ];
  const labels = uniqueLabels(events.map((e) => chartLabel(e.label)));
  // The axis range is left to Mermaid: its syntax (`0 --> 25`) would put a comment end in our body.
  // Mermaid starts the axis at the smallest value, so a flat line at zero keeps the bars honest.
  const zero = Math.min(...layers[3]!) > 0 ? [`  line [${events.map(() => 0).join(", ")}]`] : [];
  return [
    "```mermaid",
    `%%{init: {"themeVariables": {"xyChart": {"plotColorPalette": "${PALETTE}"}}}}%%`,
    "xychart-beta",
    `  x-axis [${labels.map((l) => `"${l}"`).join(", ")}]`,
    '  y-axis "Topics"',
    ...layers.map((values) => `  bar [${values.join(", ")}]`),
    ...zero,
    "```",
  ].join("\n");
}

/** Only characters that cannot end the quoted label or the code block; at most 16 of them. */
function chartLabel(label: string): string {
  const safe = label.replace(/[^\p{L}\p{N} ./_-]+/gu, " ").replace(/\s+/g, " ").trim();
  const points = Array.from(safe || "event");
  return points.length > 16 ? `${points.slice(0, 15).join("")}…` : points.join("");
}

function uniqueLabels(labels: string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((label) => {
    const count = (seen.get(label) ?? 0) + 1;
    seen.set(label, count);
    return count === 1 ? label : `${label} (${count})`;
  });
}

