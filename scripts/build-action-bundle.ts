/**
 * The Action's bundle: every entry point below becomes one self-contained ES module in dist/action/
 * (no node_modules at run time), committed so that `uses: <owner>/wrapup-tracker@v1` needs no
 * install step. Deterministic: same sources and lockfile, same bytes (esbuild is pinned exactly;
 * paths are relative to the repository; no timestamps, no minified names). `npm test` rebuilds it
 * in memory and fails when the committed files differ (test/action/bundle-current.test.ts).
 */
import { build, type BuildOptions } from "esbuild";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));
export const BUNDLE_DIR = "dist/action";

/**
 * Output name (without .js) → source. A worker thread needs an entry of its own: add it here under
 * the file name its spawner looks for next to itself (`new URL("./parse-worker.js", import.meta.url)`
 * finds lib/pipeline/parse-worker.js from lib/pipeline/ and dist/action/parse-worker.js from the bundle).
 */
export const ENTRY_POINTS: Record<string, string> = {
  index: "src/action.ts",
  // Files are parsed in worker threads: our task file, found beside the bundle by parse-pool.ts, and
  // piscina's own thread entry, which piscina looks up as `worker.js` beside itself (`__dirname`).
  "parse-worker": "src/pipeline/parse-worker.ts",
  worker: "node_modules/piscina/dist/worker.js",
};

const OPTIONS: BuildOptions = {
  absWorkingDir: REPO_ROOT,
  entryPoints: ENTRY_POINTS,
  outdir: BUNDLE_DIR,
  bundle: true,
  platform: "node",
  target: "node22",
  format: "esm",
  // piscina's optional thread-priority addon (a native .node file); it is loaded only when a pool sets
  // `niceIncrement`, which ours does not, and a failed load is ignored.
  external: ["@napi-rs/nice"],
  // The CommonJS dependencies (pino, ioredis, …) call require() for Node's own modules.
  // piscina finds its thread entry through __dirname, which an ES module does not have: give it one.
  banner: {
    js: [
      'import { createRequire as __wrapupCreateRequire } from "node:module";',
      'import { dirname as __wrapupDirname } from "node:path";',
      'import { fileURLToPath as __wrapupFileURLToPath } from "node:url";',
      "const require = __wrapupCreateRequire(import.meta.url);",
      "const __filename = __wrapupFileURLToPath(import.meta.url);",
      "const __dirname = __wrapupDirname(__filename);",
    ].join("\n"),
  },
  // Licence comments of the bundled packages, collected at the end of each file.
  legalComments: "eof",
  charset: "utf8",
  logLevel: "warning",
  write: false,
};

/** The bundle's files, path relative to the repository → contents; nothing written. */
export async function buildActionBundle(): Promise<Map<string, Uint8Array>> {
  const result = await build(OPTIONS);
  const files = new Map(result.outputFiles!.map((file) => [file.path.slice(REPO_ROOT.length), file.contents]));
  // The folder says its .js files are ES modules itself, so it runs wherever it is copied.
  files.set(`${BUNDLE_DIR}/package.json`, new TextEncoder().encode('{ "type": "module", "private": true }\n'));
  return files;
}
