/**
 * CI's guard on the committed bundle: built afresh from the sources and the lockfile, dist/action/
 * must come out byte for byte as committed. When this fails, run `npm run bundle` and commit.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BUNDLE_DIR, REPO_ROOT, buildActionBundle } from "../../scripts/build-action-bundle.js";

describe("dist/action", () => {
  it("is what `npm run bundle` builds from the sources now (run it and commit when this fails)", async () => {
    const fresh = await buildActionBundle();
    const committed = readdirSync(join(REPO_ROOT, BUNDLE_DIR), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name).slice(REPO_ROOT.length));
    expect(committed.sort()).toEqual([...fresh.keys()].sort());
    for (const [path, contents] of fresh) {
      const same = Buffer.from(contents).equals(readFileSync(join(REPO_ROOT, path)));
      expect(same, `${path} differs from a fresh build: run \`npm run bundle\` and commit it`).toBe(true);
    }
  }, 60_000);

  it("is built the same twice in a row (deterministic)", async () => {
    const [first, second] = [await buildActionBundle(), await buildActionBundle()];
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [path, contents] of first) expect(Buffer.from(second.get(path)!).equals(contents), path).toBe(true);
  }, 60_000);
});
