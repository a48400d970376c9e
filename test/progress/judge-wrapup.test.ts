import { describe, expect, it } from "vitest";
import { judgeWrapUp } from "../../src/progress/judge-wrapup.js";
import type { WrapUp } from "../../src/wrapup/types.js";
import type { LinkState, ResolvedStates } from "../../src/github/types.js";
import { NOW, daysAgo, pullLink, pull, topic } from "./build-states.js";

const options = { now: NOW, staleAfterDays: 30, graceDays: 14 };

function wrapUp(over: Partial<WrapUp>): WrapUp {
  return { path: "w.md", title: "Hack Week", topics: [], warnings: [], kind: "wrap-up", why: "wrap-up: test", ...over };
}

describe("judgeWrapUp", () => {
  const states: ResolvedStates = new Map<string, LinkState>([
    ["pull:gardener/gardener#669", pull({ state: "MERGED", mergedAt: daysAgo(1) })],
    ["pull:gardener/gardener#404", { type: "pull", status: "missing", message: "gone" }],
    ["pull:gardener/gardener#403", { type: "pull", status: "forbidden", message: "private" }],
  ]);
  const topics = [
    topic({ title: "Merged", anchor: "merged", line: 3, links: [pullLink(669)] }),
    topic({ title: "No section", anchor: "no-section", line: 10, nextSteps: null, fields: {} }),
    topic({ title: "Said N/A", anchor: "said-na", line: 15, nextSteps: null, fields: { nextSteps: "N/A" } }),
    topic({ title: "Template", anchor: "template", line: 20, emptyFields: ["achievements", "code"] }),
    topic({ title: "Broken links", anchor: "broken", line: 30, links: [pullLink(404, { line: 32 }), pullLink(403, { line: 33 }), { url: "https://github.com/acme/docs/pull/abc", kind: "pull", owner: "acme", repo: "docs", field: "code", line: 34 }] }),
    topic({ title: "merged ", anchor: "merged-1", line: 40, links: [pullLink(669)] }),
  ];
  const report = judgeWrapUp(wrapUp({ topics, warnings: ['line 50: "Next Steps" of topic "Flux" is empty'] }), states, options);

  it("counts topics by verdict", () => {
    expect(report.counts).toEqual({ done: 2, active: 0, stalled: 1, untracked: 1, unchecked: 0, unplanned: 2 });
    expect(report.topics.map((t) => t.judgement.verdict)).toEqual(["done", "unplanned", "unplanned", "untracked", "stalled", "done"]);
  });

  it.each([
    ["parse-warning", 'line 50: "Next Steps" of topic "Flux" is empty', undefined],
    ["duplicate-topic", 'topic "merged " (line 40) repeats the topic at line 3', "merged-1"],
    ["no-next-steps", 'topic "No section" (line 10) has no "Next Steps" section', "no-section"],
    ["no-links", 'topic "Template" (line 20) has next steps but links no PR, issue or branch to follow', "template"],
    ["empty-field", 'topic "Template" (line 20): "Achievements" is empty', "template"],
    ["empty-field", 'topic "Template" (line 20): "Code/Pull Requests" is empty', "template"],
    ["unresolvable-link", "line 32: https://github.com/gardener/gardener/pull/404 was not found", "broken"],
    ["unresolvable-link", "line 33: https://github.com/gardener/gardener/pull/403 is not accessible", "broken"],
    ["malformed-link", "line 34: https://github.com/acme/docs/pull/abc is not a complete link to a PR, issue, branch or commit", "broken"],
  ])("finds %s: %s", (kind, message, anchor) => {
    expect(report.findings).toContainEqual(expect.objectContaining({ kind, message, ...(anchor ? { topicAnchor: anchor } : { line: 50 }) }));
  });

  it("says an empty field once when the parser already warned about it", () => {
    const t = topic({ title: "Flux", emptyFields: ["nextSteps"], nextSteps: null, fields: { nextSteps: "" } });
    const once = judgeWrapUp(wrapUp({ topics: [t], warnings: ['line 50: "Next Steps" of topic "Flux" is empty'] }), new Map(), options);
    expect(once.findings.map((f) => f.kind)).toEqual(["parse-warning"]);
    const alone = judgeWrapUp(wrapUp({ topics: [t] }), new Map(), options);
    expect(alone.findings.map((f) => f.message)).toEqual(['topic "Flux" (line 5): "Next Steps" is empty']);
  });

  it("asks for a Next Steps section only in a document written with fields (not in a sprint report)", () => {
    const sprint = [topic({ title: "Parser", anchor: "parser", line: 5, nextSteps: null, fields: {}, links: [pullLink(669)] })];
    expect(judgeWrapUp(wrapUp({ topics: sprint }), states, options).findings.map((f) => f.kind)).not.toContain("no-next-steps");
    const fielded = [...sprint, topic({ title: "Docs", anchor: "docs", line: 9, fields: { achievements: "wrote them" } })];
    expect(judgeWrapUp(wrapUp({ topics: fielded }), states, options).findings.map((f) => f.kind)).toContain("no-next-steps");
  });

  it("does not report a deliberate N/A", () => {
    expect(report.findings.filter((f) => f.topicAnchor === "said-na")).toEqual([]);
    expect(report.findings).toHaveLength(9);
  });

  it("uses the document's date over the fallback for the grace period", () => {
    const stale: ResolvedStates = new Map([["pull:gardener/gardener#669", pull({ lastHumanActivityAt: daysAgo(90) })]]);
    const one = wrapUp({ topics: [topic({ links: [pullLink(669)] })] });
    expect(judgeWrapUp({ ...one, date: "2026-11-15" }, stale, { ...options, eventDate: "2026-01-01" }).counts.stalled).toBe(0);
    expect(judgeWrapUp(one, stale, { ...options, eventDate: "2026-11-15" }).counts.stalled).toBe(0);
    expect(judgeWrapUp(one, stale, { ...options, eventDate: "2026-01-01" }).counts.stalled).toBe(1);
  });
});
