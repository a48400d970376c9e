import { describe, expect, it } from "vitest";
import { hasDashboardMarker, readStartBox } from "../../src/render/dashboard-marker.js";
import { renderDashboard } from "../../src/render/render-dashboard.js";
import { renderChartCaption, renderVerdictChart } from "../../src/render/render-dashboard-chart.js";
import type { WrapUpReport } from "../../src/progress/types.js";
import { makeReport, makeTopic } from "../sweep/make-report.js";
import { expectSafe } from "./expect-safe.js";
import { hostileReport } from "./hostile-report.js";
import { DASHBOARD_NOW, sampleEvents, sampleView } from "./sample-dashboard.js";

const options = { now: DASHBOARD_NOW, repo: "acme/docs", ref: "main" };

describe("renderDashboard", () => {
  it("paused on a new repository: the unticked box and what the app would do", () => {
    const body = renderDashboard(sampleView(sampleEvents(), { approved: false, why: "new" }), options);
    expect(hasDashboardMarker(body)).toBe(true);
    expect(readStartBox(body)).toBe(false);
    expect(body).toContain("It would open **3 follow-up issues** and remind on **0 tracking issues**");
    expect(body).toMatchSnapshot();
  });

  it("following up: the ticked box, open follow-ups per event, threads, no list of writes", () => {
    const body = renderDashboard(sampleView(sampleEvents(), { approved: true, why: "ticked" }, ["exempt.topics: no topic has the anchor \"nope\""]), options);
    expect(readStartBox(body)).toBe(true);
    expect(body).not.toContain("What it would do");
    expect(body).toMatchSnapshot();
  });

  it("says continued from / in for a thread, and the earlier topic gets no follow-up of its own", () => {
    const body = renderDashboard(sampleView(sampleEvents(), { approved: false, why: "new" }), options);
    expect(body).toMatch(/Topic internal-load-balancing\]\([^)]*\) \(05\/2026 · continued from 12\/2024\)/);
    expect(body).toMatch(/12\/2024 🔴 \[Topic load-balancing\].* → 05\/2026 🔴 \[Topic internal-load-balancing\]/);
    expect(body).not.toContain("open a follow-up for [Topic load-balancing]");
  });

  it("with approval none there is no box to tick", () => {
    const body = renderDashboard(sampleView(sampleEvents(), { approved: true, why: "configured" }), options);
    expect(readStartBox(body)).toBeNull();
    expect(body).toContain("`followUp.approval: none`");
  });

  it("keeps user text harmless", () => {
    const hostile = { ...hostileReport({ topics: 4 }), date: "2026-05-01" };
    expectSafe(renderDashboard(sampleView([hostile, ...sampleEvents()], { approved: false, why: "new" }), options));
  });

  it("stays under GitHub's limit with 400 events of 60 topics: older events shrink first", () => {
    const events: WrapUpReport[] = Array.from({ length: 400 }, (_, i) => {
      const date = new Date(DASHBOARD_NOW.getTime() - i * 3 * 86_400_000).toISOString().slice(0, 10);
      const topics = Array.from({ length: 60 }, (_, t) => makeTopic(`e${i}-topic-${t}`, t % 2 ? "stalled" : "done", { prs: [i * 100 + t] }));
      return { ...makeReport(`events/${String(i).padStart(3, "0")}.md`, topics), date, title: `Event number ${i}` };
    });
    const body = renderDashboard(sampleView(events, { approved: false, why: "new" }), options);
    expect(body.length).toBeLessThanOrEqual(65_536);
    expect(readStartBox(body)).toBe(false);
    // The newest event keeps its row; the oldest are folded into one line or dropped from the details.
    expect(body).toContain("[Event number 0]");
    expect(body).toMatch(/older events|more of older events|… and \d+ more/);
    expect(body).toContain("```mermaid");
  });
});

describe("renderVerdictChart", () => {
  it("draws cumulative bars (all, then without no-plan, without untracked, done + active, done) per event, oldest first", () => {
    const chart = renderVerdictChart([
      { label: "2024-12", counts: { done: 3, active: 2, stalled: 4, untracked: 1, unchecked: 0, unplanned: 2 } },
      { label: "2025-06", counts: { done: 5, active: 0, stalled: 1, untracked: 0, unchecked: 0, unplanned: 0 } },
    ])!;
    expect(chart.split("\n").filter((l) => l.trim().startsWith("bar"))).toEqual(["  bar [12, 6]", "  bar [10, 6]", "  bar [9, 6]", "  bar [5, 5]", "  bar [3, 5]"]);
    expect(chart).toContain('x-axis ["2024-12", "2025-06"]');
    expect(chart).toContain('y-axis "Topics"');
    // Every event has a done topic: a flat line at zero makes the axis start there.
    expect(chart).toContain("  line [0, 0]");
    expect(chart).not.toContain("-->");
  });

  it("draws one row per event, the chart as tall as the events need: labels never share a line", () => {
    const counts = { done: 1, active: 0, stalled: 0, untracked: 0, unchecked: 0, unplanned: 0 };
    const height = (n: number) => {
      const chart = renderVerdictChart(Array.from({ length: n }, (_, i) => ({ label: `e${i}`, counts })))!;
      expect(chart).toContain("xychart-beta horizontal");
      return JSON.parse(/%%\{init: (.*)\}%%/.exec(chart)![1]!).xyChart.height as number;
    };
    expect(height(24) - height(12)).toBe(height(36) - height(24));
    expect(height(12) / 12).toBeGreaterThanOrEqual(20);
  });

  it("shows at most the newest 40 events and keeps labels inside their quotes", () => {
    const events = Array.from({ length: 45 }, (_, i) => ({ label: i === 44 ? 'Hack "quoted" ] ```' : `e${i}`, counts: { done: 1, active: 0, stalled: 0, untracked: 0, unchecked: 0, unplanned: 0 } }));
    const chart = renderVerdictChart(events)!;
    const axis = chart.split("\n").find((l) => l.includes("x-axis"))!;
    expect(axis.match(/"[^"]*"/g)).toHaveLength(40);
    expect(axis).toContain('"e5"');
    expect(axis).not.toContain('"e4"');
    expect(axis).not.toContain("```");
    expect(chart.match(/```/g)).toHaveLength(2);
  });

  it("has a legend that names each verdict by icon, word, colour and place in the stack", () => {
    expect(renderChartCaption(12, 12)).toBe(
      "Topics per event, oldest at the top. Each bar stacks its topics from the axis out, always in this order: ✅ done (dark green) → 🟢 active (light green) → 🔴 stalled (red) → ⚪ untracked (grey) → ➖ no plan (pale grey).",
    );
    expect(renderChartCaption(40, 45)).toContain("The newest 40 of 45 events are drawn.");
  });

  it("is left out when there is no event", () => {
    expect(renderVerdictChart([])).toBeNull();
  });
});

describe("the unchecked verdict", () => {
  it("is counted on the dashboard only when some topic could not be checked", () => {
    const events = sampleEvents();
    const summaryOf = (body: string) => body.split("\n").find((l) => l.startsWith("wrapup-tracker follows"));
    const before = renderDashboard(sampleView(events, { approved: false, why: "new" }), options);
    expect(summaryOf(before)).not.toContain("unchecked");
    // No column, no chart layer and no legend entry for a failure that did not happen.
    expect(before).not.toContain("❓");
    const last = events.at(-1)!;
    events[events.length - 1] = makeReport(last.path, [...last.topics, makeTopic("mirror", "unchecked", { prs: [73] })]);
    events[events.length - 1]!.date = last.date;
    events[events.length - 1]!.title = last.title;
    const body = renderDashboard(sampleView(events, { approved: false, why: "new" }), options);
    expect(summaryOf(body)).toMatch(/⚪ 1 untracked · ❓ 1 unchecked\.$/);
    expect(body).toContain("| ⚪ | ❓ | ➖ | Open follow-ups |");
    expect(body).toContain("❓ unchecked (amber)");
  });
});
