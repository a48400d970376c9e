import { describe, expect, it } from "vitest";
import { fitBody, GITHUB_BODY_LIMIT, TRUNCATION_NOTE } from "../../src/render/fit-body.js";

describe("fitBody", () => {
  it("joins small bodies unchanged", () => {
    expect(fitBody({ head: "H", main: "M", tail: "T" })).toBe("H\n\nM\n\nT");
  });

  it("cuts the middle at a line break, keeps head and tail, and says so", () => {
    const main = Array.from({ length: 20_000 }, (_, i) => `row ${i}`).join("\n");
    const body = fitBody({ head: "<!-- marker -->", main, tail: "footer" });
    expect(body.length).toBeLessThan(GITHUB_BODY_LIMIT);
    expect(body.startsWith("<!-- marker -->")).toBe(true);
    expect(body.endsWith(`${TRUNCATION_NOTE}\n\nfooter`)).toBe(true);
    expect(body).toMatch(/\nrow \d+\n\n_… cut here/);
  });

  it("never leaves half a surrogate pair when a single line is cut", () => {
    const body = fitBody({ head: "h", main: "😀".repeat(40_000), tail: "t" }, 1000);
    expect(body.length).toBeLessThanOrEqual(1000);
    expect(body).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
