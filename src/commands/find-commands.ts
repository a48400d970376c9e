import type { Nodes, Parent, PhrasingContent, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { prepareText } from "../reading/prepare-text.js";

/** A command typed at the start of a line of a comment. */
export type Command =
  | { name: "refresh"; words: string[] }
  | { name: "snooze"; days: number }
  /** `/snooze` with a missing or unusable number of days: answered with a hint, never run. */
  | { name: "snooze-invalid"; text: string };

const MAX_SNOOZE_DAYS = 365;

/**
 * Commands in a comment body, in order. Only lines of ordinary paragraphs count: code blocks,
 * inline code, block quotes (someone quoting an earlier `/refresh`) and HTML are skipped, which is
 * why the body is parsed as markdown rather than searched with a regular expression.
 */
export function findCommands(body: string): Command[] {
  // Most comments name no command: they are never parsed.
  if (!body.includes("/refresh") && !body.includes("/snooze")) return [];
  // Defused as wrap-ups are (deep nesting, emphasis and bracket storms, huge tables): the parse stays linear.
  const tree: Root = fromMarkdown(prepareText(body).text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const commands: Command[] = [];
  for (const line of collectLines(tree)) {
    const command = parseCommandLine(line);
    if (command) commands.push(command);
  }
  return commands;
}

/** The first `/refresh` command of a body, or null. */
export function findRefreshCommand(body: string): Extract<Command, { name: "refresh" }> | null {
  return findCommands(body).find((c) => c.name === "refresh") ?? null;
}

/** The first `/snooze` command (valid or not) of a body, or null. */
export function findSnoozeCommand(body: string): Extract<Command, { name: "snooze" | "snooze-invalid" }> | null {
  const found = findCommands(body).find((c) => c.name === "snooze" || c.name === "snooze-invalid");
  return (found as Extract<Command, { name: "snooze" | "snooze-invalid" }> | undefined) ?? null;
}

function parseCommandLine(rawLine: string): Command | null {
  const line = rawLine.trim();
  const [head, ...rest] = line.split(/\s+/);
  if (head === "/refresh") return { name: "refresh", words: rest.filter((w) => w.length > 0) };
  if (head !== "/snooze") return null;
  const days = Number(rest[0]);
  if (rest.length === 0 || !Number.isInteger(days) || days < 1 || days > MAX_SNOOZE_DAYS) {
    return { name: "snooze-invalid", text: line };
  }
  return { name: "snooze", days };
}

/** Lines of text of every paragraph outside code, quotes and HTML. */
function collectLines(node: Nodes): string[] {
  if (node.type === "code" || node.type === "blockquote" || node.type === "html") return [];
  if (node.type === "paragraph") return paragraphText(node.children).split("\n");
  if (!("children" in node)) return [];
  return (node as Parent).children.flatMap((child) => collectLines(child as Nodes));
}

/** Plain text of a paragraph; inline code becomes a placeholder so `` `/refresh` `` never counts. */
function paragraphText(children: PhrasingContent[]): string {
  return children
    .map((child) => {
      if (child.type === "text") return child.value;
      if (child.type === "break") return "\n";
      if (child.type === "inlineCode" || child.type === "html") return "\u0000";
      if ("children" in child) return paragraphText(child.children as PhrasingContent[]);
      return "\u0000";
    })
    .join("");
}
