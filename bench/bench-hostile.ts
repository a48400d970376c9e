/**
 * `npm run bench:hostile` — `wrapup-tracker scan` (the built CLI, as a user runs it) on each generated
 * hostile file alone, then on all of them together; prints wall time and peak RSS (worker threads
 * included) per run and what the scan made of each file. Issue 15's targets: each file alone ≤ 3 s,
 * all together ≤ 768 MB, and the wrap-ups carrying a hostile part still found with their topics.
 *
 *   --scale 1    sizes relative to the ones issue 15 reported (the wide table is ~1 MB at 1)
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { hostileFiles, type HostileFile } from "../dev/hostile-files.js";

const { values } = parseArgs({ options: { scale: { type: "string", default: "1" } } });
const files = hostileFiles(Number(values.scale));
const root = mkdtempSync(join(tmpdir(), "hostile-"));

interface ScanJson {
  wrapUps: { path: string; topics: number }[];
  others: { path: string; why: string }[];
  unreadable: { path: string; why: string }[];
}

let lastStderr = "";
function readTime(stderr: string): { seconds: number; rssMb: number } {
  const [, seconds = "0", kb = "0"] = /TIME ([\d.]+) (\d+)/.exec(stderr) ?? [];
  return { seconds: Number(seconds), rssMb: Math.round(Number(kb) / 1024) };
}

function verdict(file: HostileFile, result: ScanJson): string {
  const found = result.wrapUps.find((w) => w.path === file.path);
  const unread = result.unreadable.find((u) => u.path === file.path);
  const text = found ? `wrap-up, ${found.topics} topic(s)` : unread ? `not read: ${unread.why}` : "not a wrap-up";
  const expected = file.tooLarge ? !!unread : file.topics ? found?.topics === file.topics.length : !found;
  return `${expected ? "ok " : "BAD"} ${text}`;
}

/** The built CLI under GNU time (to a file, so its figures never mix with the scan's output): wall seconds and max RSS. */
function scanWithTime(dir: string): { seconds: number; rssMb: number; result: ScanJson } {
  const script = `${process.execPath} bin/wrapup-tracker.js scan '${dir}' --all --json 2>/dev/null`;
  const out = execFileSync("/usr/bin/time", ["-f", "TIME %e %M", "-o", join(root, "time.txt"), "sh", "-c", script], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  lastStderr = execFileSync("cat", [join(root, "time.txt")], { encoding: "utf8" });
  return { ...readTime(lastStderr), result: JSON.parse(out) as ScanJson };
}

console.log(`${"file".padEnd(42)} ${"size".padStart(8)} ${"time".padStart(7)} ${"peak RSS".padStart(9)}  result`);
let worstSeconds = 0;
for (const file of files) {
  const dir = join(root, file.path.replace(/\.md$/, ""));
  mkdirSync(dir);
  writeFileSync(join(dir, file.path), file.text);
  const { seconds, rssMb, result } = scanWithTime(dir);
  worstSeconds = Math.max(worstSeconds, seconds);
  console.log(`${file.path.padEnd(42)} ${`${Math.round(file.text.length / 1000)} KB`.padStart(8)} ${`${seconds.toFixed(2)} s`.padStart(7)} ${`${rssMb} MB`.padStart(9)}  ${verdict(file, result)}`);
}
const all = join(root, "all");
mkdirSync(all);
for (const file of files) writeFileSync(join(all, file.path), file.text);
const together = scanWithTime(all);
const bad = files.filter((file) => verdict(file, together.result).startsWith("BAD")).map((f) => f.path);
console.log(`\nall ${files.length} files together: ${together.seconds.toFixed(2)} s, peak RSS ${together.rssMb} MB; ${bad.length === 0 ? "every file read as expected" : `unexpected: ${bad.join(", ")}`}`);
console.log(`slowest file alone: ${worstSeconds.toFixed(2)} s (target ≤ 3 s); all together ${together.rssMb} MB (target ≤ 768 MB)`);
rmSync(root, { recursive: true, force: true });
