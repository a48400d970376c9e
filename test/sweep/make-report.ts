import { emptyVerdictCounts, type LinkJudgement, type TopicReport, type TopicVerdict, type WrapUpReport } from "../../src/progress/types.js";
import type { Link } from "../../src/wrapup/types.js";

/** A judged topic, built by hand: one PR link per number given, with the verdict given. */
export function makeTopic(
  anchor: string,
  verdict: TopicVerdict,
  options: { prs?: number[]; tracking?: { number: number; open: boolean }; reason?: string } = {},
): TopicReport {
  const prs = options.prs ?? [100];
  const links: Link[] = prs.map((n, i) => ({
    url: `https://github.com/acme/widgets/pull/${n}`,
    kind: "pull",
    owner: "acme",
    repo: "widgets",
    number: n,
    field: "code",
    line: 10 + i,
  }));
  const judged: LinkJudgement[] = prs.map((n) => ({
    key: `pull:acme/widgets#${n}`,
    url: `https://github.com/acme/widgets/pull/${n}`,
    verdict: verdict === "done" ? "done" : verdict === "active" ? "active" : "stale",
    badge: verdict === "done" ? "merged" : "open",
    reason: `PR acme/widgets#${n} ${verdict === "done" ? "merged" : "open, no activity for 74 days"}`,
    lastActivityAt: "2026-09-08T00:00:00Z",
  }));
  if (options.tracking) {
    const n = options.tracking.number;
    links.push({ url: `https://github.com/acme/widgets/issues/${n}`, kind: "issue", owner: "acme", repo: "widgets", number: n, field: "tracking", line: 20 });
    judged.push({
      key: `issue:acme/widgets#${n}`,
      url: `https://github.com/acme/widgets/issues/${n}`,
      verdict: options.tracking.open ? "stale" : "done",
      badge: options.tracking.open ? "open" : "closed",
      reason: `issue acme/widgets#${n}`,
      lastActivityAt: "2026-09-08T00:00:00Z",
    });
  }
  return {
    topic: {
      title: `Topic ${anchor}`,
      heading: `## Topic ${anchor}`,
      line: 5,
      anchor,
      fields: { nextSteps: "Finish it" },
      nextSteps: "Finish it",
      links,
    },
    judgement: {
      verdict,
      reason: options.reason ?? judged[0]?.reason ?? "no links",
      since: verdict === "stalled" ? "2026-10-08" : null,
      links: judged,
      inGrace: false,
    },
  };
}

export function makeReport(path: string, topics: TopicReport[]): WrapUpReport {
  const counts: Record<TopicVerdict, number> = emptyVerdictCounts();
  for (const t of topics) counts[t.judgement.verdict] += 1;
  return { path, title: "Hack Week 2026", date: null, topics, findings: [], counts };
}
