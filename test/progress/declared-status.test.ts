import { describe, expect, it } from "vitest";
import { findStatusMismatches } from "../../src/progress/find-status-mismatches.js";
import { judgeTopic } from "../../src/progress/judge-topic.js";
import { judgeWrapUp } from "../../src/progress/judge-wrapup.js";
import type { LinkState, ResolvedStates } from "../../src/github/types.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import type { DeclaredStatus, Link, Topic } from "../../src/wrapup/types.js";
import { NOW, daysAgo, issue, issueLink, pull, pullLink, topic } from "./build-states.js";

const options = { now: NOW, staleAfterDays: 30, graceDays: 14 };
const stalePr = pull({ lastHumanActivityAt: daysAgo(74) });
const merged = pull({ state: "MERGED", mergedAt: daysAgo(40) });

function boardTopic(declaredStatus: DeclaredStatus, links: Link[] = []): Topic {
  return topic({ declaredStatus, links, nextSteps: null, fields: {} });
}

function world(...pairs: [Link, LinkState][]): ResolvedStates {
  return new Map(pairs.map(([link, state]) => [linkKey(link)!, state]));
}

describe("a board's declared status: a claim, the linked items are the evidence", () => {
  it.each([
    ["🙅 not started, even with a stale open issue: never followed up", boardTopic("not-started", [issueLink()]), world([issueLink(), issue({ lastHumanActivityAt: daysAgo(400) })]), "untracked", "not started at the event (🙅 on the board)"],
    ["✅ done with nothing linked", boardTopic("done"), world(), "done", "marked ✅ done on the board; nothing linked to check"],
    ["🚧 in progress with nothing linked", boardTopic("in-progress"), world(), "untracked", "marked 🚧 in progress on the board, but nothing linked to watch"],
    ["⏸️ paused with nothing linked", boardTopic("paused"), world(), "untracked", "marked ⏸️ paused on the board, but nothing linked to watch"],
    ["✅ done but its PR sits open and stale: the evidence wins", boardTopic("done", [pullLink()]), world([pullLink(), stalePr]), "stalled", "no activity for 74 days"],
    ["🚧 in progress and merged long ago: done", boardTopic("in-progress", [pullLink()]), world([pullLink(), merged]), "done", "merged"],
  ])("%s", (_name, t, states, verdict, reason) => {
    const judged = judgeTopic(t, states, options);
    expect(judged.verdict).toBe(verdict);
    expect(judged.reason).toContain(reason);
  });

  it("reports where the board and the linked items disagree, and nothing where they agree", () => {
    const topics = [
      boardTopic("done", [pullLink()]),
      { ...boardTopic("in-progress", [pullLink(670)]), title: "Other", anchor: "other", line: 9 },
      { ...boardTopic("done", [pullLink(671)]), title: "Agreed", anchor: "agreed", line: 12 },
    ];
    const states = world(
      [pullLink(), stalePr],
      [pullLink(670), pull({ number: 670, state: "MERGED", mergedAt: daysAgo(3) })],
      [pullLink(671), pull({ number: 671, state: "MERGED", mergedAt: daysAgo(3) })],
    );
    const reports = topics.map((t) => ({ topic: t, judgement: judgeTopic(t, states, options) }));
    expect(findStatusMismatches(reports).map((f) => [f.kind, f.message])).toEqual([
      ["status-mismatch", 'topic "Gardener on IPv6" (line 5) is marked ✅ done on the board, but PR gardener/gardener#669 open, no activity for 74 days'],
      ["status-mismatch", 'topic "Other" (line 9) is marked 🚧 in progress on the board, but everything it links is done'],
    ]);
  });

  it("puts the mismatch among the wrap-up's findings", () => {
    const report = judgeWrapUp(
      { path: "board.md", title: "Hack Week", date: null, topics: [boardTopic("done", [pullLink()])], warnings: [], kind: "wrap-up", why: "wrap-up: board" },
      world([pullLink(), stalePr]),
      options,
    );
    expect(report.findings.map((f) => f.kind)).toContain("status-mismatch");
  });
});
