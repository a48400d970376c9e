import { ConfigSchema } from "../../src/config/schema.js";
import { findThreads } from "../../src/progress/find-threads.js";
import type { WrapUpReport } from "../../src/progress/types.js";
import type { Approval } from "../../src/sweep/decide-approval.js";
import { gateTopics } from "../../src/sweep/gate-topics.js";
import { planDashboard, type DashboardView, type IssueRef } from "../../src/sweep/plan-dashboard.js";
import { planSweep } from "../../src/sweep/plan-sweep.js";
import { createSweepTexts } from "../../src/sweep/sweep-texts.js";
import type { TrackingIssue } from "../../src/sweep/sweep-types.js";
import { makeReport, makeTopic } from "../sweep/make-report.js";

export const DASHBOARD_NOW = new Date("2026-07-01T12:00:00Z");
const texts = createSweepTexts({ repo: "acme/docs", ref: "main", now: DASHBOARD_NOW });

function dated(path: string, date: string, title: string, topics: Parameters<typeof makeReport>[1]): WrapUpReport {
  return { ...makeReport(path, topics), date, title };
}

/** Four events 2021–2026; a thread from 12/2024 to 05/2026; one tracking issue out of reach. */
export function sampleEvents(): WrapUpReport[] {
  return [
    dated("hackathons/2021-11.md", "2021-11-08", "Hack Days 11/2021", [makeTopic("build-cache", "done", { prs: [11] }), makeTopic("old-importer", "stalled", { prs: [12] })]),
    dated("hackathons/2024-12.md", "2024-12-02", "Hack The Docs 12/2024", [
      makeTopic("load-balancing", "stalled", { prs: [40], tracking: { number: 52, open: true } }),
      makeTopic("search", "untracked", { prs: [] }),
    ]),
    dated("hackathons/2026-01.md", "2026-01-20", "Hack The Docs 01/2026", [makeTopic("api-reference", "active", { prs: [60] }), makeTopic("versioned-docs", "stalled", { prs: [61] })]),
    dated("hackathons/2026-05.md", "2026-05-12", "Hack The Docs 05/2026", [
      makeTopic("internal-load-balancing", "stalled", { prs: [70], tracking: { number: 52, open: true } }),
      makeTopic("dark-mode", "done", { prs: [71] }),
      makeTopic("link-checker", "stalled", { prs: [72] }),
    ]),
  ];
}

/** The view a sweep builds from `reports`: paused (nothing opened yet) or following up (follow-ups open). */
export function sampleView(reports: WrapUpReport[], approval: Approval, problems: string[] = []): DashboardView {
  const config = ConfigSchema.parse({});
  const threads = findThreads(reports.map((r) => ({ ...r, topics: r.topics.map((t) => t.topic) })));
  const gates = gateTopics(reports, texts.topicKey, { threads, now: DASHBOARD_NOW, config });
  const elsewhere = new Map<string, TrackingIssue>();
  for (const report of reports) {
    for (const topic of report.topics) {
      if (topic.judgement.verdict === "stalled" && topic.topic.links.some((l) => l.field === "tracking")) {
        elsewhere.set(texts.topicKey(report, topic), { repo: { owner: "acme", repo: "widgets" }, number: 52, lastReminderAt: null });
      }
    }
  }
  const plan = planSweep({
    reports,
    config: approval.approved ? config : { ...config, followUp: { ...config.followUp, maxNewPerSweep: 1e9 } },
    now: DASHBOARD_NOW,
    followUpRepo: { owner: "acme", repo: "docs" },
    existing: [],
    tracking: new Map(),
    authorsOf: () => [],
    texts,
    gates,
    trackingElsewhere: elsewhere,
  });
  const open = new Map<string, IssueRef>();
  if (approval.approved) {
    plan.actions.forEach((a, i) => a.kind === "create-issue" && open.set(a.key, { repo: "acme/docs", number: 100 + i }));
  }
  return planDashboard({
    reports,
    threads,
    gates,
    topicKey: texts.topicKey,
    config,
    now: DASHBOARD_NOW,
    approval,
    actions: approval.approved ? [] : plan.actions,
    deferred: plan.deferred,
    skipped: new Map(plan.skipped.map((s) => [s.key, s.why])),
    openFollowUps: open,
    tracking: new Map(),
    trackingElsewhere: elsewhere,
    problems,
  });
}
