import type { Root, Yaml } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { frontmatterFromMarkdown } from "mdast-util-frontmatter";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { frontmatter } from "micromark-extension-frontmatter";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { parse as parseYaml } from "yaml";

export interface FrontMatter {
  title?: string;
  /** As written, or an ISO timestamp when YAML read the value as a date. */
  date?: string;
  /** Words that say what the page is: `type`, `layout`, `categories`, `tags` (site generators set them). */
  labels?: string[];
  /** Every top-level key (an issue template has `name` and `about`). */
  keys?: string[];
}

export interface MarkdownTree {
  root: Root;
  frontMatter: FrontMatter;
  warnings: string[];
}

/**
 * GFM without footnotes: the footnote extension matches every `]` against the openers before it, so a
 * line of 190 KB of `]` kept the parser busy for minutes. A `[^1]: url` is still read, as a definition.
 */
const micromarkExtensions = [gfmAutolinkLiteral(), gfmStrikethrough(), gfmTable(), gfmTaskListItem(), frontmatter(["yaml"])];
const mdastExtensions = [
  gfmAutolinkLiteralFromMarkdown(), gfmStrikethroughFromMarkdown(), gfmTableFromMarkdown(), gfmTaskListItemFromMarkdown(), frontmatterFromMarkdown(["yaml"]),
];

/** Markdown text to an mdast tree (GFM + YAML front matter). */
export function parseMarkdownTree(text: string): MarkdownTree {
  const root = fromMarkdown(text, { extensions: micromarkExtensions, mdastExtensions });
  const warnings: string[] = [];
  const yamlNode = root.children.find((node): node is Yaml => node.type === "yaml");
  const frontMatter = yamlNode ? readFrontMatter(yamlNode, warnings) : {};
  return { root, frontMatter, warnings };
}

function readFrontMatter(node: Yaml, warnings: string[]): FrontMatter {
  let data: unknown;
  try {
    data = parseYaml(node.value, { prettyErrors: false });
  } catch {
    warnings.push(`line ${node.position?.start.line ?? 1}: the front matter is not valid YAML and was ignored`);
    return {};
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const result: FrontMatter = { keys: Object.keys(record), labels: readLabels(record) };
  if (typeof record.title === "string") result.title = record.title;
  if (typeof record.date === "string") result.date = record.date;
  else if (record.date instanceof Date && !Number.isNaN(record.date.getTime())) {
    result.date = record.date.toISOString();
  }
  return result;
}

function readLabels(record: Record<string, unknown>): string[] {
  const values = ["type", "layout", "categories", "category", "tags", "kind"].flatMap((key) => {
    const value = record[key];
    return Array.isArray(value) ? value : [value];
  });
  return values.filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());
}
