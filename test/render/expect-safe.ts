import { expect } from "vitest";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfm } from "micromark-extension-gfm";
import { gfmFromMarkdown } from "mdast-util-gfm";
import type { Table } from "mdast";

/** Checks that a rendered body is safe whatever the user text in it was. */

const ALLOWED_TAGS = /<!-- wrapup-tracker:[^\n]*? -->|<\/?(details|summary|sub)>|<br>/g;

/** The text GitHub would scan for mentions and keywords: markers and code spans removed. */
function scannedText(body: string): string {
  // Link destinations are hrefs, not text: `tree/feat/@x` there mentions nobody.
  return body.replace(ALLOWED_TAGS, " ").replace(/`[^`\n]*`/g, " ").replace(/\]\(https?:[^)\s]*\)/g, "]");
}

export function expectSafe(body: string, options: { allowedMentions?: string[] } = {}): void {
  const text = scannedText(body);
  const mentions = [...text.matchAll(/(?:^|[^\w])@([A-Za-z0-9][\w-]*)/g)].map((m) => m[1]);
  expect(mentions.filter((m) => !(options.allowedMentions ?? []).includes(m!))).toEqual([]);
  expect(text).not.toMatch(/\b(close[sd]?|fix(e[sd])?|resolve[sd]?)\s*:?\s*\\?\[?((?:[\w.-]+\/[\w.-]+)?\\?#\d|GH-\d|https?:)/i);
  // No tag but ours, so no <script>, <img>, <!--, and no --> that could end a marker early.
  // (Code spans show `<days>` literally, so only text outside them counts.)
  expect(body.replace(ALLOWED_TAGS, "").replace(/`[^`\n]*`/g, " ").replace(/^(?:> ?)+/gm, "")).not.toMatch(/[<>]/);
  expect(body.length).toBeLessThan(65_536);
}

/** Every table row has exactly as many cells as the header, both in the raw text and as parsed. */
export function expectWholeTables(body: string): number {
  let rows = 0;
  const tree = fromMarkdown(body, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const tables = tree.children.filter((n): n is Table => n.type === "table");
  for (const table of tables) {
    const width = table.children[0]!.children.length;
    for (const row of table.children) expect(row.children.length).toBe(width);
    rows += table.children.length - 1;
  }
  for (const line of body.split("\n").filter((l) => l.startsWith("| "))) {
    expect(line.split("|").length).toBe(6);
  }
  return rows;
}
