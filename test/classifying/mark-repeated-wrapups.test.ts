import { describe, expect, it } from "vitest";
import { markRepeatedWrapUps } from "../../src/classifying/mark-repeated-wrapups.js";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import { readFixture } from "../wrapup/fixture-text.js";

const text = readFixture("bold-fields.md");

describe("markRepeatedWrapUps", () => {
  it("reads a blog post repeating a wrap-up of the repository as its retelling, pointing at its topics", () => {
    const original = parseWrapUp(text, { path: "hackathons/2026-03.md" });
    const copy = parseWrapUp(text, { path: "blog/2026/03/hack-week.md" });
    const [first, second] = markRepeatedWrapUps([original, copy]);
    expect(first).toBe(original);
    expect(second?.kind).toBe("retelling");
    expect(second?.why).toBe("retelling: a blog post repeating the wrap-up hackathons/2026-03.md (3 of its 3 topics)");
    expect(second?.topics.map((t) => t.sameAs)).toEqual(original.topics.map((t) => [{ url: "hackathons/2026-03.md", anchor: t.anchor }]));
  });

  it("leaves a blog post alone when it is the only wrap-up, or repeats less than half of one", () => {
    const only = parseWrapUp(text, { path: "blog/2026/03/hack-week.md" });
    expect(markRepeatedWrapUps([only])[0]).toBe(only);
    const other = parseWrapUp(text.replace(/## .*Faster Widget Builds/, "## Other A").replace(/## .*Drop The Legacy Importer/, "## Other B"), { path: "blog/x.md" });
    expect(markRepeatedWrapUps([parseWrapUp(text, { path: "w.md" }), other])[1]?.kind).toBe("wrap-up");
  });
});
