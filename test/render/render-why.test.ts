import { describe, expect, it } from "vitest";
import type { LinkJudgement, TopicJudgement } from "../../src/progress/types.js";
import { renderLinkBadges } from "../../src/render/render-parts.js";
import { renderWhy } from "../../src/render/render-why.js";

const NOW = new Date("2026-11-21T12:00:00Z");

function link(n: number, verdict: LinkJudgement["verdict"], reason: string, lastActivityAt: string | null): LinkJudgement {
  return { key: `pull:acme/app#${n}`, url: `https://github.com/acme/app/pull/${n}`, verdict, badge: verdict === "done" ? "merged" : "open", reason, lastActivityAt };
}

function judgement(verdict: TopicJudgement["verdict"], links: LinkJudgement[], cites: string | null, extra: Partial<TopicJudgement> = {}): TopicJudgement {
  const cited = links.find((l) => l.key === cites);
  return { verdict, reason: cited?.reason ?? "both linked items done", since: null, links, inGrace: false, cites, ...extra };
}

describe("renderWhy", () => {
  const stale = link(7, "stale", "PR acme/app#7 open, no activity for 67 days", "2026-09-15T12:00:00Z");
  const merged = link(8, "done", "PR acme/app#8 merged 45 days ago", "2026-10-07T12:00:00Z");

  it.each([
    ["stalled, one link: when it stalled and how long ago anything moved", judgement("stalled", [stale], stale.key, { since: "2026-10-15" }), "stalled since 2026-10-15; last activity 67 days ago"],
    ["stalled, several links: names the one it is about", judgement("stalled", [merged, stale], stale.key, { since: "2026-10-15" }), "stalled since 2026-10-15; last activity 67 days ago (app\\#7)"],
    ["done: what happened, not which item (the Work column says)", judgement("done", [merged], merged.key), "merged 45 days ago"],
    ["active: the state word the badge already shows is left out", judgement("active", [link(9, "active", "issue acme/app#9 open, last activity 2 days ago", "2026-11-19T12:00:00Z")], "pull:acme/app#9"), "last activity 2 days ago"],
    ["no cited link: the reason as it is", judgement("done", [merged, merged], null), "both linked items done"],
    ["in the grace period: the reason with its date", judgement("active", [stale], stale.key, { inGrace: true, reason: "grace period until 2026-12-01; PR acme/app#7 open" }), "grace period until 2026-12-01; PR acme/app\\#7 open"],
  ])("%s", (_, given, expected) => {
    expect(renderWhy(given, NOW)).toBe(expected);
  });
});

describe("renderLinkBadges", () => {
  const links = [1, 2, 3, 4, 5].map((n) => link(n, "stale", `PR acme/app#${n} open`, null));

  it("folds links past the maximum into +N more", () => {
    expect(renderLinkBadges(links, 3, " ")).toBe("[app\\#1](https://github.com/acme/app/pull/1) `open` [app\\#2](https://github.com/acme/app/pull/2) `open` [app\\#3](https://github.com/acme/app/pull/3) `open` +2 more");
  });

  it("never folds the link the Why cites: it takes the last visible place", () => {
    const shown = renderLinkBadges(links, 3, " ", "pull:acme/app#5");
    expect(shown).toContain("[app\\#5]");
    expect(shown).not.toContain("[app\\#3]");
    expect(shown).toMatch(/\+2 more$/);
  });
});
