import type { Heading, Root } from "mdast";
import { visitTree } from "./visit-tree.js";
import { toString } from "mdast-util-to-string";
import { readFieldHeading } from "./find-fields.js";
import type { FrontMatter } from "./markdown-tree.js";
import { readDateLine, type DateLine } from "./read-date-line.js";

/** A link as written, relative ones included (a docs site links its own pages by path). */
export interface PageLink {
  /** The target without its `#anchor`. */
  url: string;
  /** The decoded `#anchor`, if any. */
  anchor: string | null;
  offset: number;
}

/** What the classifier weighs besides the topics: read once from the tree, pure data. */
export interface DocumentFacts {
  path: string;
  frontMatter: FrontMatter;
  /** Text of every heading below the title that is not a field name, in order. */
  headings: string[];
  /** Rows of GFM tables. */
  tableRows: number;
  /** Words of prose (headings, code and tables left out). */
  words: number;
  dateLine: DateLine | null;
  links: PageLink[];
  /** The prose says the content moved elsewhere ("This content has moved to …"). */
  saysMoved: boolean;
}

const MOVED = /\b(has|have|was|were|been)\s+moved\b|\bmoved\s+(to|over|permanently)\b|\bnow\s+(lives|located|hosted|maintained|published)\s+(at|on|in|under)\b|\bcan\s+now\s+be\s+found\b|\brelocated\s+to\b/i;

/** Facts about a document for `classifyWrapUp`; `firstTopicLine` bounds where a date line may stand. */
export function readDocumentFacts(root: Root, text: string, path: string, frontMatter: FrontMatter, firstTopicLine: number): DocumentFacts {
  const facts: DocumentFacts = {
    path, frontMatter, headings: [], tableRows: 0, words: 0, dateLine: readDateLine(text, firstTopicLine), links: [], saysMoved: false,
  };
  visitTree(root, (node) => {
    switch (node.type) {
      case "heading":
        if (node.depth > 1 && !readFieldHeading(node as Heading)) facts.headings.push(toString(node).trim());
        return false;
      case "table":
        facts.tableRows += node.children.length;
        // Cells are not prose, but an index of events lists its pages in one.
        visitTree(node, (cell) => (cell.type === "link" ? (addLink(facts.links, cell.url, cell.position?.start.offset ?? 0), false) : true));
        return false;
      case "code":
      case "yaml":
      case "html":
        return false;
      case "link":
      case "definition":
        addLink(facts.links, node.url, node.position?.start.offset ?? 0);
        return node.type === "link";
      case "text":
        facts.words += node.value.match(/\p{L}[\p{L}\p{N}'’-]*/gu)?.length ?? 0;
        if (!facts.saysMoved && MOVED.test(node.value)) facts.saysMoved = true;
        return false;
      default:
        return true;
    }
  });
  return facts;
}

function addLink(links: PageLink[], raw: string, offset: number): void {
  const hash = raw.indexOf("#");
  const url = (hash < 0 ? raw : raw.slice(0, hash)).trim();
  const fragment = hash < 0 ? "" : raw.slice(hash + 1).trim();
  if (!url && !fragment) return;
  links.push({ url, anchor: fragment ? decode(fragment) : null, offset });
}

function decode(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}
