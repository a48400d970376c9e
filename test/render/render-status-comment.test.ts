import { describe, expect, it } from "vitest";
import { renderStatusComment } from "../../src/render/render-status-comment.js";
import { STATUS_MARKER, hasStatusMarker } from "../../src/render/marker.js";
import { TRUNCATION_NOTE } from "../../src/render/fit-body.js";
import { NOW } from "../progress/build-states.js";
import { emptyVerdictCounts } from "../../src/progress/types.js";
import { sampleReport } from "./sample-report.js";
import { hostileReport } from "./hostile-report.js";
import { expectSafe, expectWholeTables } from "./expect-safe.js";

const options = { now: NOW, repo: "gardener/documentation", ref: "3f2a9c1" };

describe("renderStatusComment", () => {
  it("renders a 23-topic wrap-up", () => {
    const body = renderStatusComment([sampleReport()], options);
    expect(body).toMatchSnapshot();
    expect(body.startsWith(STATUS_MARKER)).toBe(true);
    expect(body).toContain("**23 topics** · 🔴 6 stalled · 🟢 9 active · ⚪ 3 untracked · ✅ 5 done");
    // Rows lead with what is stuck: every stalled row before every active, untracked and done one.
    const rows = body.split("\n").filter((l) => /^\| (✅|🟢|🔴|⚪|➖) /.test(l)).map((l) => l.slice(2, 4));
    const order = ["🔴", "🟢", "⚪", "➖", "✅"].map((icon) => icon.slice(0, 2));
    expect(rows.map((icon) => order.findIndex((o) => icon.startsWith(o)))).toEqual([...rows.map((icon) => order.findIndex((o) => icon.startsWith(o)))].sort((a, b) => a - b));
    expect(rows.filter((icon) => icon.startsWith("🔴"))).toHaveLength(6);
    // The Why says when it stalled and how long ago anything moved, not the item the Work column shows.
    expect(body).toContain("| stalled since 2026-10-15; last activity 74 days ago (gardener\\#669) |");
    expect(expectWholeTables(body)).toBe(23);
    expectSafe(body);
  });

  it("links each topic to its heading at the PR head, on GitHub Enterprise too", () => {
    const body = renderStatusComment([sampleReport()], { ...options, webUrl: "https://ghe.example.com/" });
    expect(body).toContain("[Shoot flavors](https://ghe.example.com/gardener/documentation/blob/3f2a9c1/wrapups/2026-11-hack-the-garden.md#shoot-flavors)");
  });

  it("shows plain titles when it does not know where the file lives (CLI)", () => {
    const body = renderStatusComment([sampleReport()], { now: NOW });
    expect(body).toContain("| ✅ done | Shoot flavors |");
  });

  it("puts several files in one comment and config problems first", () => {
    const body = renderStatusComment([sampleReport(), { ...sampleReport(), path: "wrapups/other.md", title: null }], {
      ...options,
      configProblems: ['staleAfterDays: expected a positive integer, got "soon"', "@admin fixes #9"],
    });
    expect(body.match(/^### 📋 /gm)).toHaveLength(2);
    expect(body).toContain("### 📋 [wrapups/other.md]");
    expect(body.indexOf("has problems")).toBeLessThan(body.indexOf("### 📋"));
    expect(body).toContain('- staleAfterDays: expected a positive integer, got "soon"');
    expect(expectWholeTables(body)).toBe(46);
    expectSafe(body);
  });

  it("shows only the config problems when nothing could be checked", () => {
    const body = renderStatusComment([], { ...options, configProblems: ["bogus: unknown key"] });
    expect(body).toBe(
      `${STATUS_MARKER}\n\n**⚠️ \`.github/wrapup-tracker.yml\` has problems** — wrapup-tracker will not follow up on anything until they are fixed:\n\n- bogus: unknown key\n\n` +
        "<sub>Checked 2026-11-21 12:00 UTC by wrapup-tracker · comment `/refresh` to update</sub>",
    );
  });

  it("says so when a file has no topics", () => {
    const body = renderStatusComment([{ path: "a.md", title: "Empty", date: null, topics: [], findings: [], counts: emptyVerdictCounts() }], options);
    expect(body).toContain("**0 topics**");
    expect(body).toContain("No topics found in this file.");
  });

  it("neutralises hostile titles, next steps, branch names and paths", () => {
    const body = renderStatusComment([hostileReport()], options);
    expect(body).toMatchSnapshot();
    expect(expectWholeTables(body)).toBe(3);
    expectSafe(body);
    expect(body.match(/<!--/g)).toHaveLength(1);
    expect(hasStatusMarker(body)).toBe(true);
  });

  it("bounds a 100 KB title", () => {
    const body = renderStatusComment([hostileReport({ title: "x".repeat(100_000) })], options);
    expect(body.length).toBeLessThan(20_000);
    expectSafe(body);
  });

  it("drops next steps first, then cuts rows visibly, for 10,000 topics", () => {
    const body = renderStatusComment([hostileReport({ topics: 10_000 })], options);
    expectSafe(body);
    expect(body).not.toContain("<details>\n<summary>Next steps");
    expect(body).toContain("Next steps are left out");
    expect(body).toContain(TRUNCATION_NOTE);
    expect(body.startsWith(STATUS_MARKER)).toBe(true);
    expect(body).toMatch(/comment `\/refresh` to update<\/sub>$/);
    expect(expectWholeTables(body)).toBeGreaterThan(50);
  });
});

describe("the unchecked verdict on the status comment", () => {
  it("shows ❓ unchecked with the reason, never untracked", async () => {
    const { makeReport, makeTopic } = await import("../sweep/make-report.js");
    const topic = makeTopic("mirror", "unchecked", { prs: [73], reason: "PR acme/widgets#73 could not be checked (GitHub did not answer within 30 s: POST https://api.github.com/graphql)" });
    const body = renderStatusComment([makeReport("wrapups/a.md", [topic])], options);
    expect(body).toContain("❓ 1 unchecked");
    expect(body).toMatch(/\| ❓ unchecked \| .*could not be checked/);
    expect(body).not.toContain("untracked");
  });
});
