/** Writes the Action's bundle to dist/action/: `npm run bundle`. Commit the result. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BUNDLE_DIR, REPO_ROOT, buildActionBundle } from "./build-action-bundle.js";

const files = await buildActionBundle();
rmSync(join(REPO_ROOT, BUNDLE_DIR), { recursive: true, force: true });
for (const [path, contents] of files) {
  mkdirSync(dirname(join(REPO_ROOT, path)), { recursive: true });
  writeFileSync(join(REPO_ROOT, path), contents);
  console.log(`wrote ${path} (${(contents.length / 1024).toFixed(0)} kB)`);
}
