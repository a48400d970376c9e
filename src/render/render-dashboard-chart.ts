import type { TopicVerdict } from "../progress/types.js";
import { VERDICT_EMOJI, VERDICT_LABEL, shownVerdicts } from "./render-parts.js";

/**
 * The dashboard's chart: topics per event as stacked horizontal bars, one row per event, oldest
 * at the top. Rows, not columns: an x axis of 12–40 dates draws its labels into each other
 * ("2021-112022-09…"), while a row per event gets its own line of height whatever the count —
 * the chart grows in height with the events. Mermaid's `xychart-beta` has no stacked bars and no
 * legend, so the bars are drawn cumulatively on top of each other (all topics, then all but the
 * last verdict, …, then done), and the caption is the legend: colour *and* place in the stack
 * (always the same order from the axis out), so colour is never the only cue. Pure.
 */

export interface ChartEvent {
  /** `2024-12`, or a short title for an undated event. */
  label: string;
  counts: Record<TopicVerdict, number>;
}

/** More rows than this cannot be read in an issue: the newest ones are shown, the caption says so. */
export const CHART_MAX_EVENTS = 40;

/** Each verdict's colour (GitHub's Primer palette; light-to-dark differs too, for grey-scale readers). */
const VERDICT_COLOUR: Record<TopicVerdict, { hex: string; name: string }> = {
  done: { hex: "#116329", name: "dark green" },
  active: { hex: "#4ac26b", name: "light green" },
  stalled: { hex: "#cf222e", name: "red" },
  untracked: { hex: "#8c959f", name: "grey" },
  unchecked: { hex: "#bf8700", name: "amber" },
  unplanned: { hex: "#d1d9e0", name: "pale grey" },
};

/** Height of one event's row, in pixels: room for a 14 px label with space around it. */
const ROW_PX = 28;
/** Title, axis and padding around the rows. */
const FRAME_PX = 90;

/** `verdicts`: the chart's layers, as `renderVerdictChart` drew them for the same events. */
export function renderChartCaption(shown: number, total: number, verdicts: TopicVerdict[] = shownVerdicts([])): string {
  const legend = verdicts.map((v) => `${VERDICT_EMOJI[v]} ${VERDICT_LABEL[v]} (${VERDICT_COLOUR[v].name})`).join(" → ");
  const cut = shown < total ? ` The newest ${shown} of ${total} events are drawn.` : "";
  return `Topics per event, oldest at the top. Each bar stacks its topics from the axis out, always in this order: ${legend}.${cut}`;
}

export function renderVerdictChart(eventsOldestFirst: ChartEvent[]): string | null {
  const events = eventsOldestFirst.slice(-CHART_MAX_EVENTS);
  if (events.length === 0) return null;
  // Cumulative layers, the longest first: a later (shorter) bar covers the start of an earlier one.
  const verdicts = shownVerdicts(events.map((e) => e.counts));
  const layers = verdicts.map((_, i) => events.map(({ counts }) => verdicts.slice(0, verdicts.length - i).reduce((sum, v) => sum + counts[v], 0)));
  const palette = [...verdicts].reverse().map((v) => VERDICT_COLOUR[v].hex);
  const labels = uniqueLabels(events.map((e) => chartLabel(e.label)));
  const init = {
    xyChart: { width: 700, height: FRAME_PX + ROW_PX * events.length, chartOrientation: "horizontal" },
    // The last colour is the zero line's, drawn in the axis colour.
    themeVariables: { xyChart: { plotColorPalette: [...palette, "#d1d9e0"].join(", ") } },
  };
  // The axis range is left to Mermaid: its syntax (`0 --> 25`) would put a comment end in our body.
  // Mermaid starts the axis at the smallest value, so a flat line at zero keeps the bars honest.
  const zero = Math.min(...layers.at(-1)!) > 0 ? [`  line [${events.map(() => 0).join(", ")}]`] : [];
  return [
    "```mermaid",
    `%%{init: ${JSON.stringify(init)}}%%`,
    "xychart-beta horizontal",
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
