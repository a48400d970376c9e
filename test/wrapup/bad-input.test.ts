import { describe, expect, it } from "vitest";
import { parseWrapUp } from "../../src/wrapup/parse-wrapup.js";
import { MAX_TEXT_LENGTH } from "../../src/reading/prepare-text.js";
import { wrapUpSchema } from "./wrapup-schema.js";

function parseValid(text: string) {
  const wrapUp = parseWrapUp(text, { path: "bad.md" });
  expect(wrapUpSchema.safeParse(wrapUp).error).toBeUndefined();
  return wrapUp;
}

const topic = (n: number) => `## Topic ${n}\n\n**Problem Statement:** p${n}\n\n**Next Steps:** n${n}\n\n**Code/Pull Requests:** https://github.com/o/r/pull/${n}\n`;

describe("bad input", () => {
  it("reads an empty document as no topics and no warnings", () => {
    expect(parseValid("")).toEqual({ path: "bad.md", title: null, date: null, topics: [], warnings: [], kind: "not-a-wrap-up", why: "not a wrap-up: no sections" });
    expect(parseValid("   \n\n").topics).toEqual([]);
  });

  it("says binary input was not text, and still reads what it can", () => {
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256);
    const text = `${topic(1)}${Buffer.from(bytes).toString("latin1")}`;
    const wrapUp = parseValid(text);
    expect(wrapUp.warnings.some((w) => w.startsWith("the document looks like binary data"))).toBe(true);
    expect(wrapUp.topics[0]?.title).toBe("Topic 1");
  });

  it("cuts a 5 MB document at a line end and says so", () => {
    const big = topic(1) + "lorem ipsum dolor sit amet ".repeat(40).concat("\n").repeat(Math.ceil(5_000_000 / 1081));
    expect(big.length).toBeGreaterThan(5_000_000);
    const wrapUp = parseValid(big);
    expect(wrapUp.warnings[0]).toMatch(/^the document is 5\.\d MB long; only its first 1\.0 MB were read/);
    expect(wrapUp.topics).toHaveLength(1);
    expect(MAX_TEXT_LENGTH).toBe(1_000_000);
  }, 120_000); // generous: a shared CI box can be slow; speed is measured in bench/, not here

  it("reads 10,000 topics, each with its pull request", () => {
    const text = Array.from({ length: 10_000 }, (_, i) => `## Topic ${i + 1}\n**Next Steps:** n${i + 1}\n**PRs:** https://github.com/o/r/pull/${i + 1}\n`).join("\n");
    const wrapUp = parseValid(text);
    expect(wrapUp.topics).toHaveLength(10_000);
    expect(wrapUp.topics[9_999]).toMatchObject({ title: "Topic 10000", nextSteps: "n10000" });
    expect(wrapUp.topics[9_999]?.links).toEqual([expect.objectContaining({ kind: "pull", number: 10_000 })]);
  }, 120_000);

  it("survives unclosed fences of both kinds and warns once for each", () => {
    const wrapUp = parseValid(`${topic(1)}\n~~~~\ncode\n${topic(2)}\n- item\n  \`\`\`\n  more`);
    expect(wrapUp.topics.map((t) => t.title)).toEqual(["Topic 1"]);
    expect(wrapUp.warnings.filter((w) => w.includes("never closed"))).toHaveLength(1);
  });

  it.each([
    ["deep blockquotes", ">".repeat(20_000) + " x"],
    ["deep lists", Array.from({ length: 2_000 }, (_, i) => `${"  ".repeat(i)}- x`).join("\n")],
    ["deep ordered lists", Array.from({ length: 2_000 }, (_, i) => `${"   ".repeat(i)}1. x`).join("\n")],
    ["many brackets", "[".repeat(50_000) + "](https://github.com/o/r/pull/1)"],
    ["many emphasis marks", "*_".repeat(50_000)],
    ["many emphasis marks over many lines", "*a_ ".repeat(20).concat("\n").repeat(2_000)],
    ["a long line of links", "https://github.com/o/r/pull/1 ".repeat(20_000)],
    ["lone surrogates and NULs", "## A\n**Next Steps:** \uD800\0\uDFFF"],
    ["only front matter", "---\ntitle: [unclosed\n---\n"],
  ])("returns a valid model for %s", (_name, text) => {
    parseValid(text);
  }, 120_000);

  it("says when it flattened deep nesting or defused emphasis", () => {
    const nested = parseValid(`## A\n**Next Steps:** x\n${">".repeat(500)} quote`);
    expect(nested.warnings).toContain("line 3: nesting deeper than 40 levels was flattened");
    expect(nested.topics[0]?.nextSteps?.startsWith("x")).toBe(true);
    const starry = parseValid(`## A\n**Next Steps:** x\n\n${"a*".repeat(1_500)}`);
    expect(starry.warnings).toContain("line 4: a paragraph with 1500 emphasis marks (* and _) was read as plain text");
  });

  it("never throws on input that is not a string", () => {
    const wrapUp = parseWrapUp(undefined as unknown as string, { path: "x" });
    expect(wrapUpSchema.safeParse(wrapUp).error).toBeUndefined();
  });
});
