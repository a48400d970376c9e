/**
 * Hostile markdown files, generated (never committed): the categories of issue 15 — runs that made
 * regexes backtrack (tabs in a label line, spaces or `[` in a heading, spaces in a `Date` line, a link
 * definition followed by U+2028), runs the markdown parser chokes on (`]`, `*_`, `>`, `[`), deep nesting,
 * a ~1 MB wide table, a file over 1 MB — and real wrap-ups carrying such parts, which must still be found.
 * The bench (`npm run bench:hostile`) and the end-to-end test read them.
 */

export interface HostileFile {
  /** File name, `.md`. */
  path: string;
  text: string;
  /** The wrap-up topics the app must still find in it; absent when the file is no wrap-up. */
  topics?: string[];
  /** True when the file is over the 1 MB limit and must be reported as not read. */
  tooLarge?: boolean;
}

const KB = 1_000;

/** A short, real wrap-up: two topics with fields and pull requests. */
export function wrapUpText(event = "Lumen Hack Days 2026-09-14"): string {
  return [
    `# ${event} Wrap-up`,
    "",
    "## Offline Sync",
    "",
    "**Problem Statement:** The field app loses data without a network.",
    "",
    "**Next Steps:** Ship the sync queue behind a flag.",
    "",
    "**Code/Pull Requests:** https://github.com/acme/field-app/pull/412",
    "",
    "## Faster Thumbnails",
    "",
    "**Problem Statement:** Thumbnails take seconds.",
    "",
    "**Next Steps:** Cache the resized images.",
    "",
    "**Code/Pull Requests:** https://github.com/acme/media/pull/88",
    "",
  ].join("\n");
}

export const WRAPUP_TOPICS = ["Offline Sync", "Faster Thumbnails"];

/** A table of `rows` rows of `columns` cells, each cell `cell` characters wide. */
export function wideTable(columns: number, rows: number, cell = 6): string {
  const row = (text: string) => `|${Array.from({ length: columns }, () => ` ${text} `).join("|")}|`;
  return [row("h".repeat(cell)), row("-".repeat(cell)), ...Array.from({ length: rows }, (_, i) => row(String(i % 10).repeat(cell)))].join("\n");
}

/** Inserts `part` between the two topics of the wrap-up, so the topic after it must survive it. */
function carrying(part: string): string {
  const [head, second] = wrapUpText().split("## Faster Thumbnails");
  return `${head}\n${part}\n\n## Faster Thumbnails${second}`;
}

/**
 * Every hostile file, about `scale` × the sizes the issue reported (1 = the sizes). Those that are
 * no wrap-up name an event in their first line, so the cheap pre-check lets them through to the parser.
 */
export function hostileFiles(scale = 1): HostileFile[] {
  const n = (size: number) => Math.max(1, Math.round(size * scale));
  const parsed = (file: HostileFile): HostileFile => (file.topics || file.tooLarge ? file : { ...file, text: `Hack Days notes\n\n${file.text}` });
  return [
    { path: "tabs-in-a-label-line.md", text: `Some notes\n\n${"\t".repeat(n(2_500))}x\n${"filler line\n".repeat(70)}` },
    { path: "tabs-line-100k.md", text: `**${"\t".repeat(n(100 * KB))}` },
    { path: "heading-of-spaces.md", text: `## ${" ".repeat(n(160 * KB))}x\n` },
    { path: "heading-of-brackets.md", text: `## ${"[".repeat(n(160 * KB))}\n` },
    { path: "date-line-of-spaces.md", text: `# Hack Days\n\nDate${" ".repeat(n(160 * KB))}x\n` },
    { path: "link-definition-and-line-separators.md", text: `[a]: https://github.com/a/b/pull/1 ${"\u2028".repeat(n(160 * KB))}\n` },
    { path: "closing-brackets.md", text: "]".repeat(n(190 * KB)) },
    { path: "emphasis-storm.md", text: "*_".repeat(n(65 * KB)) },
    { path: "quote-marks.md", text: ">".repeat(n(65 * KB)) },
    { path: "nested-lists.md", text: Array.from({ length: n(2 * KB) }, (_, depth) => `${"  ".repeat(depth % 300)}- item`).join("\n") },
    { path: "open-bracket-before-many-words.md", text: `[${"a ".repeat(n(50 * KB))}` },
    { path: "url-then-punctuation.md", text: `https://github.com/a${":".repeat(n(100 * KB))}1` },
    { path: "many-short-lines.md", text: "a\n".repeat(n(200 * KB)) },
    { path: "pipes.md", text: `| a |\n| - |\n${"|".repeat(n(190 * KB))}` },
    { path: "wide-table.md", text: wideTable(n(11 * KB), 8) },
    { path: "wrap-up-with-a-wide-table.md", text: carrying(wideTable(n(11 * KB), 8)), topics: WRAPUP_TOPICS },
    { path: "long-table.md", text: wideTable(12, n(9 * KB)) },
    { path: "wrap-up-with-a-long-table.md", text: carrying(wideTable(12, n(9 * KB))), topics: WRAPUP_TOPICS },
    { path: "wrap-up-with-a-tall-wide-table.md", text: carrying(wideTable(n(3_300), 28)), topics: WRAPUP_TOPICS },
    { path: "wrap-up-with-closing-brackets.md", text: carrying("]".repeat(n(190 * KB))), topics: WRAPUP_TOPICS },
    { path: "wrap-up-with-an-emphasis-storm.md", text: carrying("*_".repeat(n(65 * KB))), topics: WRAPUP_TOPICS },
    { path: "over-one-megabyte.md", text: carrying("lorem ipsum ".repeat(n(90 * KB))), tooLarge: scale >= 1 },
  ].map(parsed);
}
