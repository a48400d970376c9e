import { describe, expect, it } from "vitest";
import { escapeInline, escapeUrl, plainTitle, quoteBlock, renderCode, truncateText } from "../../src/render/escape-markdown.js";
import { expectSafe } from "./expect-safe.js";

describe("escapeInline", () => {
  it.each([
    ["@octocat", /@\u200doctocat/],
    ["ping @gardener/maintainers", /@\u200dgardener\/maintainers/],
    ["fixes #1", /f\u200dixes \\#1/],
    ["Closes: gardener/gardener#2", /C\u200dloses: gardener\/gardener\\#2/],
    ["resolved https://github.com/o/r/issues/3", /r\u200desolved https:/],
    ["a | b", /a &#124; b/],
    ["<script>alert(1)</script>", /&lt;script&gt;alert\(1\)&lt;\/script&gt;/],
    ["end --> of marker", /end --&gt; of marker/],
    ["line one\nline two", /^line one line two$/],
    ["[x](javascript:alert(1))", /^\\\[x\\\]\(javascript:alert\(1\)\)$/],
  ])("%j", (input, expected) => {
    const out = escapeInline(input);
    expect(out).toMatch(expected);
    expectSafe(out);
  });

  it("leaves words that only look like keywords alone", () => {
    expect(escapeInline("closed without merge; fix the findings")).toBe("closed without merge; fix the findings");
  });

  it("bounds the length, never splitting a character", () => {
    const out = escapeInline("🎉".repeat(100_000), 50);
    expect(Array.from(out)).toHaveLength(50);
    expect(out.endsWith("…")).toBe(true);
    expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});

describe("quoteBlock", () => {
  it("keeps the author's lists but quotes every line and neutralises HTML and mentions", () => {
    const out = quoteBlock("- ask @alice\n\n- </details> <!-- x -->\n- fixes #12");
    expect(out).toBe("> - ask @\u200dalice\n>\n> - &lt;/details&gt; &lt;!-- x --&gt;\n> - f\u200dixes #12");
    expectSafe(out);
  });
});

describe("escapeUrl", () => {
  it.each([
    ["https://github.com/o/r/pull/1", "https://github.com/o/r/pull/1"],
    ["javascript:alert(1)", "#"],
    ["https://x.test/a b)(c", "https://x.test/a%20b%29%28c"],
    [`https://github.com/o/r/blob/main/a.md#${"x".repeat(5000)}`, "https://github.com/o/r/blob/main/a.md"],
  ])("%s", (input, expected) => {
    expect(escapeUrl(input)).toBe(expected);
  });
});

describe("renderCode and plainTitle", () => {
  it("keeps a code span closed", () => {
    expect(renderCode("a`b\nc")).toBe("`a b c`");
  });
  it("makes a one-line, bounded title", () => {
    expect(plainTitle("a\nb @x", 240)).toBe("a b @\u200dx");
    expect(plainTitle("x".repeat(1000), 10)).toBe(`${"x".repeat(9)}…`);
    expect(truncateText("abc", 3)).toBe("abc");
  });
});
