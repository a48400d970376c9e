import type { Root } from "mdast";
import { collectLinks, type FoundLink } from "./collect-links.js";
import { findFieldMarks, type FieldMark } from "./find-fields.js";
import { parseMarkdownTree, type FrontMatter } from "./markdown-tree.js";
import { prepareText } from "./prepare-text.js";

/** A markdown text read once, for every dialect: its tree, front matter, field marks and links. */
export interface MarkdownDocument {
  text: string;
  root: Root;
  frontMatter: FrontMatter;
  marks: FieldMark[];
  /** Sorted by offset. */
  links: FoundLink[];
  /** About the text as a whole (encoding, front matter). */
  warnings: string[];
  /** About links that are not valid URLs or not work items. */
  linkWarnings: string[];
}

/** Text in, document out: prepared (line ends, BOM, size), parsed, its field marks and links found. */
export function readMarkdownDocument(input: string): MarkdownDocument {
  const { text, warnings } = prepareText(input);
  const { root, frontMatter, warnings: treeWarnings } = parseMarkdownTree(text);
  warnings.push(...treeWarnings);
  const marks = findFieldMarks(root, text);
  const collected = collectLinks(root);
  const links = collected.links.sort((a, b) => a.offset - b.offset);
  return { text, root, frontMatter, marks, links, warnings, linkWarnings: collected.warnings };
}
