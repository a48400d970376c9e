/**
 * docs/what-it-posts.md shows real output: the demo, run afresh on examples/wrapups/, must write
 * exactly what the file shows (`npm run demo -- --write-docs` regenerates it). The same run checks
 * that a sweep over an unchanged repository writes nothing.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../dev/app-process.js";
import { runDemo } from "../../dev/run-demo.js";
import { composeWhatItPosts, WHAT_IT_POSTS_PATH } from "../../dev/what-it-posts.js";

describe("docs/what-it-posts.md", () => {
  it("is what the demo writes today, and the demo's last, unchanged sweep writes nothing", async () => {
    const dir = join(REPO_ROOT, "examples", "wrapups");
    const files = readdirSync(dir).filter((n) => n.endsWith(".md") && n.toLowerCase() !== "readme.md").sort().map((n) => ({ path: `wrapups/${n}`, text: readFileSync(join(dir, n), "utf8") }));
    const { results, writesOnResweep } = await runDemo(files);
    expect(writesOnResweep).toBe(0);
    const fresh = composeWhatItPosts(results);
    expect(readFileSync(join(REPO_ROOT, WHAT_IT_POSTS_PATH), "utf8"), "docs/what-it-posts.md drifted from the demo: run `npm run demo -- --write-docs`").toBe(fresh);
    // The README points there rather than holding samples of its own that could go stale.
    expect(readFileSync(join(REPO_ROOT, "README.md"), "utf8")).toContain("(docs/what-it-posts.md)");
  }, 120_000);
});
