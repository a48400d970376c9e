/**
 * Strings built to make text functions backtrack or recurse: long runs of one character (spaces,
 * tabs, `[`, `]`, `*_`, `>`, `|`, U+2028, backticks, `<`, `#`, nested list markers), each behind
 * the prefixes that lead a regex into its expensive branch (a heading, a `Date:` label, a field
 * lead-in, a link definition…) and before a suffix that makes the match fail at the very end.
 * Used by the 100 ms test, the fuzzer and the hostile-files bench; nothing is committed as a file.
 */

export interface AdversarialText {
  name: string;
  text: string;
}

/** Runs of at least this many characters: the issue asks for 100 KB+ strings. */
export const ADVERSARIAL_LENGTH = 100_000;

/** One unit each, repeated to the length. */
export const RUNS: Record<string, string> = {
  spaces: " ",
  tabs: "\t",
  "open-brackets": "[",
  "close-brackets": "]",
  "star-underscore": "*_",
  "quote-marks": ">",
  pipes: "|",
  "line-separators": "\u2028",
  backticks: "`",
  "less-than": "<",
  hashes: "#",
  "nested-list": "- ",
  "space-tab": " \t",
  "bracket-paren": "](",
  colons: ":",
  "double-stars": "**",
  dashes: "-",
  digits: "1",
  "non-ascii": "üå",
  letters: "a ",
};

/** What stands before a run: the openings of the patterns that look at a line. */
export const PREFIXES: Record<string, string> = {
  bare: "",
  heading: "## ",
  "date-line": "**Date:**",
  "date-word": "Date",
  "field-lead-in": "**Next Steps",
  "plain-lead-in": "Problem statement",
  "link-definition": "[a]: https://github.com/a/b/pull/1 ",
  "list-item": "- ",
  "keyword": "fixes ",
  "short-ref": "acme/widgets",
  "url": "https://github.com/",
  "html-link": "<a ",
  "month": "May 22",
  "fence": "```",
};

/** What follows: nothing, a character no pattern accepts there, or a line break of either kind. */
export const SUFFIXES = ["", "x!", "\u2028", "\n"];

/** Every run behind every prefix before every suffix, each `length` characters long or a little more. */
export function adversarialTexts(length = ADVERSARIAL_LENGTH): AdversarialText[] {
  const texts: AdversarialText[] = [];
  for (const [runName, unit] of Object.entries(RUNS)) {
    const run = unit.repeat(Math.ceil(length / unit.length));
    for (const [prefixName, prefix] of Object.entries(PREFIXES)) {
      SUFFIXES.forEach((suffix, i) => texts.push({ name: `${prefixName} + ${runName} + suffix ${i}`, text: prefix + run + suffix }));
    }
  }
  texts.push(...structuredTexts(length));
  return texts;
}

/** Shapes that are not one run: many short lines, nested containers, wide tables. */
export function structuredTexts(length = ADVERSARIAL_LENGTH): AdversarialText[] {
  const lines = (line: string) => Array.from({ length: Math.ceil(length / (line.length + 1)) }, () => line).join("\n");
  // Up to 200 levels deep, so the whole stays near `length` characters.
  const nested = (unit: string) => Array.from({ length: Math.ceil(length / 180) }, (_, depth) => unit.repeat(depth % 200) + "x").join("\n");
  return [
    { name: "nested lists by indentation", text: nested("  ") + "\n- a" },
    { name: "nested blockquotes", text: nested("> ") },
    { name: "list markers in a row", text: "- ".repeat(length / 2) + "x" },
    { name: "many headings", text: lines("## [x](https://github.com/a/b/pull/1) **Next Steps:**") },
    { name: "many field lead-ins", text: lines("**Next Steps:** see https://github.com/a/b/issues/1 and a/b#2") },
    { name: "many date lines", text: lines("Date: 2024-05-01 – 2024-05-03 to May 22–26, 2023") },
    { name: "wide table", text: `| a | b |\n| - | - |\n${"| x ".repeat(length / 4)}|` },
    { name: "many table rows", text: `| a | b |\n| - | - |\n${lines("| x | y |")}` },
    { name: "link definitions and separators", text: lines("[a]: https://github.com/a/b/pull/1\u2028") },
    { name: "unclosed links", text: "[a](".repeat(length / 3) },
    { name: "unclosed emphasis", text: "*a _b ".repeat(length / 6) },
    { name: "html comments", text: "<!--".repeat(length / 4) },
    { name: "autolinks", text: "<https://github.com/".repeat(length / 20) },
    { name: "code spans", text: "`a``b```c".repeat(length / 9) },
    { name: "mojibake", text: "üåê ".repeat(length / 4) },
  ];
}
