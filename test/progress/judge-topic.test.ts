import { describe, expect, it } from "vitest";
import { judgeTopic } from "../../src/progress/judge-topic.js";
import type { LinkState, ResolvedStates } from "../../src/github/types.js";
import type { Link } from "../../src/wrapup/types.js";
import { linkKey } from "../../src/wrapup/link-key.js";
import { NOW, DAY, daysAgo, pullLink, issueLink, branchLink, pull, issue, branch, topic } from "./build-states.js";

const options = { now: NOW, staleAfterDays: 30, graceDays: 14 };

function world(...pairs: [Link, LinkState][]): ResolvedStates {
  return new Map(pairs.map(([link, state]) => [linkKey(link)!, state]));
}

const merged = pull({ state: "MERGED", mergedAt: daysAgo(2) });
const stalePr = pull({ lastHumanActivityAt: daysAgo(74) });
const freshPr = pull({ number: 670, lastHumanActivityAt: daysAgo(3) });
const oldBranch = branch({ lastCommit: { oid: "a", committedDate: daysAgo(340) } });

describe("judgeTopic", () => {
  it.each([
    ["every link done", topic({ links: [pullLink()] }), world([pullLink(), merged]), "done", "merged 2 days ago"],
    ["several links all done", topic({ links: [pullLink(), issueLink()] }), world([pullLink(), merged], [issueLink(), issue({ state: "CLOSED", stateReason: "COMPLETED", closedAt: daysAgo(1) })]), "done", "both linked items done"],
    ["no next steps, no links: no evidence either way", topic({ nextSteps: null, fields: { nextSteps: "N/A" } }), world(), "unplanned", "no next steps and no linked work"],
    ["no next steps, only an abandoned PR", topic({ nextSteps: null, links: [pullLink()] }), world([pullLink(), pull({ state: "CLOSED", closedAt: daysAgo(5) })]), "done", "nothing open"],
    ["one link moving among stale ones", topic({ links: [pullLink(), pullLink(670)] }), world([pullLink(), stalePr], [pullLink(670), freshPr]), "active", "PR gardener/gardener#670 open, last activity 3 days ago"],
    ["a PR merged recently while another waits", topic({ links: [pullLink(), pullLink(670)] }), world([pullLink(), stalePr], [pullLink(670), pull({ number: 670, state: "MERGED", mergedAt: daysAgo(5) })]), "active", "PR gardener/gardener#670 merged 5 days ago; 1 other link not done"],
    ["a PR merged long ago while another waits", topic({ links: [pullLink(), pullLink(670)] }), world([pullLink(), stalePr], [pullLink(670), pull({ number: 670, state: "MERGED", mergedAt: daysAgo(31) })]), "stalled", "PR gardener/gardener#669 open, no activity for 74 days"],
    ["nothing moved for longer than staleAfterDays", topic({ links: [pullLink()] }), world([pullLink(), stalePr]), "stalled", "PR gardener/gardener#669 open, no activity for 74 days"],
    ["only an unpublished branch", topic({ links: [branchLink()] }), world([branchLink(), oldBranch]), "stalled", "has no pull request; last commit 11 months ago"],
    ["only an abandoned PR while next steps remain", topic({ links: [pullLink()] }), world([pullLink(), pull({ state: "CLOSED", closedAt: daysAgo(5) })]), "stalled", "closed without merge"],
    ["only a missing PR", topic({ links: [pullLink()] }), world([pullLink(), { type: "pull", status: "missing", message: "gone" }]), "stalled", "not found"],
    ["next steps without work links", topic({ links: [] }), world(), "untracked", "no linked PR, issue or branch"],
    ["links we could not check at all", topic({ links: [pullLink()] }), world([pullLink(), { type: "pull", status: "error", message: "boom" }]), "unchecked", "could not be checked"],
    ["one link done, one unchecked: it may be the open one", topic({ links: [pullLink(), pullLink(670)] }), world([pullLink(), merged], [pullLink(670), { type: "pull", status: "error", message: "no answer" }]), "unchecked", "could not be checked (no answer)"],
    ["one link stale, one unchecked: it may be the moving one", topic({ links: [pullLink(), pullLink(670)] }), world([pullLink(), stalePr], [pullLink(670), { type: "pull", status: "error", message: "no answer" }]), "unchecked", "could not be checked"],
    ["one link moving, one unchecked: active whatever the other says", topic({ links: [pullLink(), pullLink(670)] }), world([pullLink(), { type: "pull", status: "error", message: "no answer" }], [pullLink(670), freshPr]), "active", "last activity 3 days ago"],
    ["a link into a file is not work", topic({ links: [branchLink()] }), world([branchLink(), branch({ path: "README.md" })]), "untracked", "no linked PR"],
  ])("%s → %s", (_name, t, states, verdict, reason) => {
    const judged = judgeTopic(t, states, options);
    expect(judged.verdict).toBe(verdict);
    expect(judged.reason).toContain(reason);
    expect(judged.since === null).toBe(verdict !== "stalled");
  });

  it("counts the same PR linked twice once", () => {
    const judged = judgeTopic(topic({ links: [pullLink(), pullLink(669, { line: 20 })] }), world([pullLink(), merged]), options);
    expect(judged.links).toHaveLength(1);
  });

  it("dates a stalled topic from when its last link stopped moving", () => {
    const states = world([pullLink(), pull({ lastHumanActivityAt: "2026-08-01T10:00:00Z" })], [pullLink(670), pull({ number: 670, lastHumanActivityAt: "2026-09-15T10:00:00Z" })]);
    const judged = judgeTopic(topic({ links: [pullLink(), pullLink(670)] }), states, options);
    expect(judged).toMatchObject({ verdict: "stalled", since: "2026-10-15" });
  });
});

describe("graceDays = 14 counted from the event date (UTC)", () => {
  const event = new Date("2026-11-01T00:00:00Z");
  const t = topic({ links: [pullLink()] });
  // The PR went quiet long before the event, so only the grace period can hold back `stalled`.
  const states = world([pullLink(), pull({ lastHumanActivityAt: "2026-01-01T00:00:00Z" })]);

  it.each([
    [13, "active", true],
    [14, "stalled", false],
    [15, "stalled", false],
  ])("%i days after the event → %s", (days, verdict, inGrace) => {
    const now = new Date(event.getTime() + days * DAY);
    const judged = judgeTopic(t, states, { ...options, now, eventDate: "2026-11-01" });
    expect(judged.verdict).toBe(verdict);
    expect(judged.inGrace).toBe(inGrace);
  });

  it("names the grace period in the reason and dates `since` no earlier than its end", () => {
    const inGrace = judgeTopic(t, states, { ...options, now: new Date("2026-11-05T00:00:00Z"), eventDate: "2026-11-01" });
    expect(inGrace.reason).toMatch(/^grace period until 2026-11-15; PR gardener\/gardener#669 open/);
    const after = judgeTopic(t, states, { ...options, now: new Date("2026-12-20T00:00:00Z"), eventDate: "2026-11-01" });
    expect(after.since).toBe("2026-11-15");
  });

  it("leaves untracked and done topics alone", () => {
    const now = new Date("2026-11-05T00:00:00Z");
    expect(judgeTopic(topic(), world(), { ...options, now, eventDate: "2026-11-01" }).verdict).toBe("untracked");
  });

  it("has no grace period without an event date", () => {
    expect(judgeTopic(t, states, { ...options, now: new Date("2026-11-05T00:00:00Z"), eventDate: null }).verdict).toBe("stalled");
  });
});
