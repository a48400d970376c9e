import { createHash } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { FetchFileTextsResult } from "../../src/github/fetch-file-texts.js";
import { forgetReadWrapUps, readWrapUps, type ListedFile } from "../../src/pipeline/read-wrapups.js";
import { readFixture } from "../wrapup/fixture-text.js";

/** A git blob SHA, as the tree listing and GraphQL's Blob.oid give it. */
const blobSha = (text: string) => createHash("sha1").update(`blob ${Buffer.byteLength(text)}\0${text}`).digest("hex");

const WRAP_UP = readFixture("bold-fields.md");
const DOCS = "# Architecture\n\nSeeds host control planes, see https://github.com/acme/widgetry/pull/1.\n";
const RELEASE = "# Widgets v2.0.0 Released\n\n## Faster\n\n**Motivation:** x\n\n**Pull Requests:** https://github.com/acme/widgets/pull/1\n";

/** A repository's files and a fetcher that records what it was asked for. */
function repository(files: Record<string, string>) {
  const asked: string[][] = [];
  const fetchTexts = async (paths: string[]): Promise<FetchFileTextsResult> => {
    asked.push(paths);
    const found = paths.filter((p) => p in files);
    return {
      files: found.map((path) => ({ path, text: files[path]!, oid: blobSha(files[path]!) })),
      skipped: paths.filter((p) => !(p in files)).map((path) => ({ path, reason: "not found at this revision" })),
      graphqlRequests: 1,
    };
  };
  const listed = (): ListedFile[] => Object.keys(files).map((path) => ({ path, sha: blobSha(files[path]!) }));
  return { asked, fetchTexts, listed };
}

describe("readWrapUps", () => {
  beforeEach(() => forgetReadWrapUps());

  it("reads only files whose blob changed since the last read", async () => {
    const files = { "wrapups/2026-03.md": WRAP_UP, "docs/architecture.md": DOCS, "blog/release.md": RELEASE };
    const repo = repository(files);
    const first = await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: false });
    expect(first.wrapUps.map((w) => [w.path, w.kind])).toEqual([
      ["wrapups/2026-03.md", "wrap-up"],
      ["docs/architecture.md", "not-a-wrap-up"],
      ["blog/release.md", "not-a-wrap-up"],
    ]);
    expect(first.stats).toMatchObject({ files: 3, fromMemo: 0, fetched: 3, parsed: 2 });

    const second = await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: false });
    expect(second.stats).toMatchObject({ files: 3, fromMemo: 3, fetched: 0, parsed: 0 });
    expect(second.wrapUps.map((w) => w.kind)).toEqual(first.wrapUps.map((w) => w.kind));
    expect(repo.asked).toHaveLength(1);

    files["docs/architecture.md"] = `${DOCS}\nMore text.\n`;
    const third = await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: false });
    expect(repo.asked.at(-1)).toEqual(["docs/architecture.md"]);
    expect(third.stats).toMatchObject({ fromMemo: 2, fetched: 1 });
  });

  it("rules out a file that cannot be a wrap-up without parsing it, and says so", async () => {
    const repo = repository({ "docs/architecture.md": DOCS });
    const read = await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: false });
    expect(read.stats.parsed).toBe(0);
    expect(read.wrapUps[0]?.why).toBe("not a wrap-up: names no wrap-up field, no event and no board status (ruled out before parsing)");
  });

  it("with globs in paths, parses every file, even one remembered only by its decision", async () => {
    const repo = repository({ "blog/release.md": RELEASE });
    await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: false });
    const byGlobs = await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: true });
    expect(byGlobs.stats).toMatchObject({ fromMemo: 0, fetched: 1, parsed: 1 });
    expect(byGlobs.wrapUps[0]?.topics.map((t) => t.title)).toEqual(["Faster"]);
    // A wrap-up's full model is kept, so globs can take it from the memo.
    const wrapUps = repository({ "w.md": WRAP_UP });
    await readWrapUps(wrapUps.listed(), wrapUps.fetchTexts, { everyFile: false });
    expect((await readWrapUps(wrapUps.listed(), wrapUps.fetchTexts, { everyFile: true })).stats.fromMemo).toBe(1);
  });

  it("keeps the listing's order and leaves out files GitHub could not give, with why", async () => {
    const repo = repository({ "a.md": WRAP_UP });
    const read = await readWrapUps([{ path: "gone.md" }, { path: "a.md" }], repo.fetchTexts, { everyFile: false });
    expect(read.wrapUps.map((w) => w.path)).toEqual(["a.md"]);
    expect(read.stats.skipped).toEqual([{ path: "gone.md", reason: "not found at this revision" }]);
  });
});

describe("readWrapUps on files too large or too complex", () => {
  beforeEach(() => forgetReadWrapUps());

  it("does not read a file over 1 MB, says so, and keeps saying so when the blob is remembered", async () => {
    const huge = `# Hack Days\n\n${"lorem ipsum ".repeat(90_000)}`;
    const repo = repository({ "notes/dump.md": huge, "wrapups/2026-03.md": WRAP_UP });
    for (let sweep = 0; sweep < 2; sweep++) {
      const read = await readWrapUps(repo.listed(), repo.fetchTexts, { everyFile: false });
      const reason = "too large/complex to read: 1.1 MB, over the 1.0 MB limit (files that large are not read)";
      expect(read.stats.unreadable).toEqual([{ path: "notes/dump.md", reason }]);
      expect(read.wrapUps.map((w) => [w.path, w.kind, w.unreadable])).toEqual([
        ["notes/dump.md", "not-a-wrap-up", reason],
        ["wrapups/2026-03.md", "wrap-up", undefined],
      ]);
    }
    expect(repo.asked).toHaveLength(1);
  });

  it("stops a parse that passes its deadline and reports the file, while the others are read", async () => {
    const { parseInPool } = await import("../../src/pipeline/parse-pool.js");
    const slow = await parseInPool({ path: "notes/log.md", text: `Hack Days log\n\n${"a\n".repeat(200_000)}` }, { deadlineMs: 300, memoryMb: 192, maxLength: 1_000_000 });
    expect(slow.unreadable).toBe("too large/complex to read: parsing took longer than 0.3 s and was stopped");
    const fine = await parseInPool({ path: "w.md", text: WRAP_UP });
    expect(fine.kind).toBe("wrap-up");
  }, 60_000);
});
