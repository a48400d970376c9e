import type { Definition, Html, Root, Text } from "mdast";
import { visitTree } from "./visit-tree.js";
import { classifyUrl, type UrlClass } from "./classify-url.js";

/** A link found anywhere in the document, before it is placed in a topic and field. */
export interface FoundLink extends UrlClass {
  url: string;
  /** Offset in the text, to place the link in a topic and field. */
  offset: number;
  line: number;
}

export interface CollectedLinks {
  links: FoundLink[];
  warnings: string[];
}

/** `owner/repo#123` in prose: GitHub's short reference to an issue or pull request. */
const SHORT_REF = /(?<![\w.\/#@-])([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})#([0-9]{1,9})(?![\w#])/g;
const HTML_HREF = /<a\s[^>]*?href\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;

/**
 * Every http(s) link in the tree: markdown and reference-style links, GFM autolinks and bare URLs,
 * `<a href>` in HTML, and short references in plain text. Code and images are not looked into.
 */
export function collectLinks(root: Root): CollectedLinks {
  const definitions = new Map<string, string>();
  const referenced = new Set<string>();
  visitTree(root, (node) => {
    if (node.type === "definition") definitions.set(normalizeLabel(node.identifier), node.url);
    if (node.type === "linkReference") referenced.add(normalizeLabel(node.identifier));
    return true;
  });
  const found: FoundLink[] = [];
  const warnings: string[] = [];
  const add = (url: string, offset: number, line: number) => addLink(found, warnings, url.trim(), offset, line);
  visitTree(root, (node) => {
    const start = node.position?.start;
    if (!start) return true;
    const offset = start.offset ?? 0;
    switch (node.type) {
      case "link":
        add(node.url, offset, start.line);
        return false;
      case "linkReference": {
        const url = definitions.get(normalizeLabel(node.identifier));
        if (url !== undefined) add(url, offset, start.line);
        return false;
      }
      case "definition":
        // A used definition counts where it is used; an unused one where it stands.
        if (!referenced.has(normalizeLabel(node.identifier))) add((node satisfies Definition).url, offset, start.line);
        return false;
      case "html":
        collectHtmlLinks(node, add);
        return false;
      case "text":
        collectShortRefs(node, found);
        return false;
      case "code":
      case "inlineCode":
      case "image":
      case "imageReference":
      case "yaml":
        return false;
      default:
        return true;
    }
  });
  return { links: found, warnings };
}

function addLink(found: FoundLink[], warnings: string[], url: string, offset: number, line: number): void {
  if (!/^https?:\/\//i.test(url)) return;
  if (!URL.canParse(url)) {
    warnings.push(`line ${line}: the link "${clip(url)}" is not a valid URL and was ignored`);
    return;
  }
  const classified = classifyUrl(url);
  if (classified.problem) {
    warnings.push(`line ${line}: the link ${clip(url)} is not taken as a work item because ${classified.problem}`);
  }
  const { problem: _problem, ...rest } = classified;
  found.push({ ...rest, url, offset, line });
}

function collectHtmlLinks(node: Html, add: (url: string, offset: number, line: number) => void): void {
  const start = node.position?.start;
  if (!start || !node.value.includes("href")) return;
  for (const match of node.value.matchAll(HTML_HREF)) {
    const url = decodeEntities(match[1] ?? match[2] ?? match[3] ?? "");
    const before = node.value.slice(0, match.index);
    add(url, (start.offset ?? 0) + match.index, start.line + countNewlines(before));
  }
}

function collectShortRefs(node: Text, found: FoundLink[]): void {
  const start = node.position?.start;
  if (!start || !node.value.includes("#")) return;
  for (const match of node.value.matchAll(SHORT_REF)) {
    const [, owner = "", repo = "", digits = ""] = match;
    if (!/[A-Za-z]/.test(owner + repo)) continue; // `1/2#3` is arithmetic or a date, not a reference
    const before = node.value.slice(0, match.index);
    found.push({
      url: `https://github.com/${owner}/${repo}/issues/${digits}`,
      kind: "issue-or-pull",
      owner,
      repo,
      number: Number(digits),
      offset: (start.offset ?? 0) + match.index,
      line: start.line + countNewlines(before),
    });
  }
}


function normalizeLabel(label: string): string {
  return label.toLowerCase().replace(/\s+/g, " ").trim();
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#39;/g, "'");
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) count++;
  return count;
}

function clip(text: string): string {
  return text.length > 100 ? `${text.slice(0, 97)}…` : text;
}
