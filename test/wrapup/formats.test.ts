import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { linkKey } from "../../src/wrapup/link-key.js";
import { saysNothingLeft } from "../../src/reading/nothing-left.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import { lastDateOf, readDateLine } from "../../src/reading/read-date-line.js";
import { readFixture } from "./fixture-text.js";

const docsSite = join(dirname(fileURLToPath(import.meta.url)), "../fixtures/docs-site");

describe("a topic board (a voting and assignment note)", () => {
  const board = parseWrapUp(readFixture("topic-board.md"), { path: "topic-board.md" });

  it("takes the status-marked list items as topics, not the group headings, votes left out of the title", () => {
    expect(board.topics.map((t) => [t.line, t.title, t.declaredStatus])).toEqual([
      [10, "Live migration of control planes", "in-progress"],
      [14, "ARM images for the node agent", "done"],
      [17, "Operator-managed agents", "paused"],
      [19, "Audit logs for widgets", "in-progress"],
      [24, "Extension status in the garden", "not-started"],
      [25, "Encryption of custom resources", "not-started"],
    ]);
  });

  it("gives each topic the links of its item and its sub-items; people and unmarked proposals are no topics", () => {
    const keys = board.topics.map((t) => t.links.map((l) => linkKey(l) ?? `${l.kind}:${l.url}`));
    expect(keys).toEqual([
      ["pull:acme/widgetry#8801"],
      ["pull:acme/node-agent#377"],
      [],
      ["repo:https://github.com/acme/widgetry-extension-audit"],
      [],
      ["issue:acme/widgetry#4606"],
    ]);
    expect(board.topics.some((t) => /Ada|Grace|proposal/i.test(t.title))).toBe(false);
  });

  it("is a wrap-up dated by its title, keyed by title slugs", () => {
    expect(board.kind).toBe("wrap-up");
    expect(board.date).toBe("2026-03-01");
    expect(new Set(board.topics.map((t) => t.anchor)).size).toBe(board.topics.length);
  });

  it("needs three marked items: a status emoji in a field's list is no board", () => {
    const wrapUp = parseWrapUp(
      "# Hack Week Wrap Up\n\n## Topic\n\n**Problem Statement:** p\n\n**Achievements:**\n- ✅ one\n- ✅ two\n- 🚧 three\n\n**Next Steps:** n\n",
      { path: "w.md" },
    );
    expect(wrapUp.topics.map((t) => [t.title, t.declaredStatus])).toEqual([["Topic", undefined]]);
  });
});

describe("free-form topics among structured siblings", () => {
  const wrapUp = parseWrapUp(readFileSync(join(docsSite, "website/community/hackathons/2026-05.md"), "utf8"), { path: "2026-05.md" });

  it("finds every topic, the free-form write-ups included, and no part of the event", () => {
    expect(wrapUp.topics.map((t) => t.title)).toEqual([
      "Shoot Migration Without Downtime",
      "Drop The Last Bash Script",
      "Go Build Cache Experiments",
      "Flaky Test Hunt",
    ]);
  });

  it("keeps the links of a free-form topic's sub-sections", () => {
    const hunt = wrapUp.topics.find((t) => t.title === "Flaky Test Hunt");
    expect(hunt?.links.map((l) => linkKey(l))).toEqual(["pull:acme/widgetry#10410", "issue:acme/widgetry#10411"]);
    expect(hunt?.nextSteps).toBeNull();
  });

  it("reads next steps as a careful reader would: a 'What Is Left' section is next steps, 'Nothing left to do.' is none", () => {
    expect(wrapUp.topics.map((t) => t.nextSteps !== null)).toEqual([true, false, true, false]);
  });

  it("ignores a long section without fields and sub-headings' worth of prose when it is a part of the event", () => {
    const text = `# Hack Week Wrap Up\n\n## Topic A\n\n**Problem Statement:** a\n\n**Next Steps:** b\n\n## Topic B\n\n**Problem Statement:** a\n\n**Next Steps:** b\n\n## Preparation\n\n${"word ".repeat(80)}\n\n### Ideas\n\nmore\n`;
    expect(parseWrapUp(text, { path: "w.md" }).topics.map((t) => t.title)).toEqual(["Topic A", "Topic B"]);
    const freeForm = text.replace("## Preparation", "## Cache Experiments");
    expect(parseWrapUp(freeForm, { path: "w.md" }).topics.map((t) => t.title)).toEqual(["Topic A", "Topic B", "Cache Experiments"]);
  });
});

describe("next steps that say nothing is left", () => {
  it.each([
    ["The primary goal of this topic is now complete with the merging of these two PRs.", true],
    ["Nothing left to do.", true],
    ["No further steps.", true],
    ["Done.", true],
    ["The PR has been merged.", true],
    ["The PR has been merged, but the docs still need an update.", false],
    ["Once the PR is merged, we will roll it out.", false],
    ["Get the PR merged.", false],
    ["The PoC is complete; next we need to write a GEP.", false],
    ["Nothing left except waiting for the release.", false],
    ["The feature is implemented and merged. It will be released with v1.120.", false],
    [`It is complete. ${"Then more work follows. ".repeat(20)}`, false],
  ])("%s → %s", (text, expected) => {
    expect(saysNothingLeft(text)).toBe(expected);
  });

  it("counts as no next steps in a topic, as N/A does", () => {
    const wrapUp = parseWrapUp("# Hack Week Wrap Up\n\n## T\n\n**Problem Statement:** p\n\n**Next Steps:** All done!\n", { path: "w.md" });
    expect(wrapUp.topics[0]?.fields.nextSteps).toBe("All done!");
    expect(wrapUp.topics[0]?.nextSteps).toBeNull();
  });
});

describe("the event's date line", () => {
  it.each([
    ["02.11.2021 – 06.11.2021", "2021-11-06"],
    ["22.–26.05.2023", "2023-05-26"],
    ["May 22–26, 2023", "2023-05-26"],
    ["22–26 May 2023", "2023-05-26"],
    ["2024-05-13 – 2024-05-17", "2024-05-17"],
    ["13 May 2024", "2024-05-13"],
    ["06/2025", null],
    ["soon", null],
  ])("%s → last day %s", (value, expected) => {
    expect(lastDateOf(value)).toBe(expected);
  });

  it("finds the line among the lines before the first topic, not below", () => {
    expect(readDateLine("# T\n\n- 🗓️ **Date:** 21.07.2025 – 25.07.2025\n")).toEqual({ date: "2025-07-25", line: 3 });
    expect(readDateLine("# T\n\n## Topic\n\n**Date:** 21.07.2025\n", 3)).toBeNull();
    expect(readDateLine("# T\n\n```\nDate: 01.01.2020\n```\n")).toBeNull();
  });

  it("wins over the month in the title: the grace period counts from the event's last day", () => {
    const wrapUp = parseWrapUp("# Hack Week 07/2025 Wrap Up\n\n- 🗓️ **Date:** 21.07.2025 – 25.07.2025\n\n## T\n\n**Problem Statement:** p\n", { path: "w.md" });
    expect(wrapUp.date).toBe("2025-07-25");
    expect(parseWrapUp("# Hack Week 07/2025 Wrap Up\n\n## T\n\n**Problem Statement:** p\n", { path: "w.md" }).date).toBe("2025-07-01");
  });
});

const seedBoard = join(dirname(fileURLToPath(import.meta.url)), "../../../shared/corpus/seeds/002_66ff57d9d02459b5.txt");

describe.runIf(existsSync(seedBoard))("the seed topic board (a scraped voting note)", () => {
  const board = existsSync(seedBoard) ? parseWrapUp(readFileSync(seedBoard, "utf8"), { path: "002.txt" }) : null;

  it("parses into its status-marked topics, each with its declared status", () => {
    const byStatus = new Map<string, number>();
    for (const t of board!.topics) byStatus.set(t.declaredStatus ?? "none", (byStatus.get(t.declaredStatus ?? "none") ?? 0) + 1);
    expect(Object.fromEntries(byStatus)).toEqual({ "in-progress": 7, done: 2, paused: 1, "not-started": 11 });
    expect(board!.title).toBe("Hack The Garden 11/2023 - Topics");
    expect(board!.kind).toBe("wrap-up");
  });

  it("gives a topic the links of its item and sub-items, never a person's name as a topic", () => {
    const agent = board!.topics.find((t) => t.title === "Continue with gardener-node-agent");
    expect(agent?.links.map((l) => linkKey(l))).toEqual(["issue:gardener/gardener#8023", "pull:gardener/gardener#8767", "pull:gardener/gardener#8786"]);
    expect(board!.topics.find((t) => t.title === "ARM support in provider-openstack")?.declaredStatus).toBe("done");
    expect(board!.topics.some((t) => /^[A-Z][a-z]+ [A-Z]\.$/.test(t.title))).toBe(false);
  });
});
