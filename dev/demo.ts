/**
 * `npm run demo [-- --dir <folder> | --docs-tree] [--out <folder>] [--print] [--write-docs]`: the
 * app's main job, with no GitHub account (see run-demo.ts for the story it replays).
 *
 * It saves what the app wrote as markdown files and as `index.html` — the posts rendered as GitHub
 * renders them, the dashboard's chart drawn — and prints a short list; `--print` prints the markdown
 * too. `--docs-tree`: the 12 wrap-ups (2021–2026) of the generated documentation site instead of a
 * folder. `--write-docs`: regenerates docs/what-it-posts.md from the run (a test keeps it in step).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { REPO_ROOT } from "./app-process.js";
import type { DemoFile } from "./demo-world.js";
import { generateDocsTree } from "./docs-tree.js";
import { writeDemoResults } from "./demo-output.js";
import { runDemo } from "./run-demo.js";
import { composeWhatItPosts, WHAT_IT_POSTS_PATH } from "./what-it-posts.js";

function readWrapUps(dir: string): DemoFile[] {
  if (!existsSync(dir)) throw new Error(`no such folder: ${dir}`);
  const names = readdirSync(dir).filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md").sort();
  if (names.length === 0) throw new Error(`no markdown wrap-ups in ${dir}`);
  return names.map((name) => ({ path: `wrapups/${basename(name)}`, text: readFileSync(join(dir, name), "utf8") }));
}

/** The generated docs site's twelve wrap-ups, 2021–2026: the scale of a real docs repository. */
function docsTreeWrapUps(): DemoFile[] {
  const tree = generateDocsTree(0);
  return tree.wrapUps.map((path) => ({ path: `wrapups/${basename(path)}`, text: tree.files[path]! }));
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      dir: { type: "string" },
      "docs-tree": { type: "boolean", default: false },
      out: { type: "string" },
      print: { type: "boolean", default: false },
      "write-docs": { type: "boolean", default: false },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write("usage: npm run demo [-- --dir <folder of wrap-ups> | --docs-tree] [--out <folder>] [--print] [--write-docs]\n");
    return 0;
  }
  const out = resolve(values.out ?? join(REPO_ROOT, "demo-output"));
  const started = Date.now();
  const files = values["docs-tree"] ? docsTreeWrapUps() : readWrapUps(resolve(values.dir ?? join(REPO_ROOT, "examples", "wrapups")));
  const { results, writesOnResweep } = await runDemo(files, (line) => process.stderr.write(`demo: ${line}\n`));
  if (values.print) process.stdout.write(results.printable);
  mkdirSync(out, { recursive: true });
  const written = writeDemoResults(results, out);
  process.stdout.write(`The app wrote ${results.documents.length} posts; the last sweep, with nothing changed, wrote ${writesOnResweep}.\n`);
  for (const document of results.documents) process.stdout.write(`  ${document.heading}\n`);
  process.stdout.write(`Open ${join(out, "index.html")} to see them as GitHub shows them (npm run demo:check measures the page in Chromium).\n`);
  if (values["write-docs"]) {
    mkdirSync(join(REPO_ROOT, "docs"), { recursive: true });
    writeFileSync(join(REPO_ROOT, WHAT_IT_POSTS_PATH), composeWhatItPosts(results));
    process.stdout.write(`Wrote ${WHAT_IT_POSTS_PATH}.\n`);
  }
  process.stderr.write(`demo: wrote ${written.length} files to ${out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
