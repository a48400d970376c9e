/** A command typed at the start of a line of a comment. */
export type Command =
  | { name: "refresh"; words: string[] }
  | { name: "snooze"; days: number }
  /** `/snooze` with a missing or unusable number of days: answered with a hint, never run. */
  | { name: "snooze-invalid"; text: string };

const MAX_SNOOZE_DAYS = 365;

/**
 * Comments longer than this are never read for commands: a command is one short line, and anyone
 * (a stranger on a public repository) can post a megabyte. UTF-16 code units, close enough to bytes.
 */
export const MAX_COMMAND_BODY = 64 * 1024;

/** Words after the command kept at most (the rest of a long line is ignored). */
const MAX_WORDS = 20;

/**
 * Commands in a comment body, in order, found by a line-start test on the raw text — no markdown
 * parse, one pass over the lines, so any body costs time linear in its length (and bodies over
 * `MAX_COMMAND_BODY` cost nothing). A line counts when, after up to 3 spaces and an optional list
 * marker, it starts with `/refresh` or `/snooze` — unless it sits where markdown would not show it
 * as text: a fenced or indented code block, a block quote (and its lazy continuation), an HTML
 * comment or HTML line. Inline code never starts a line with `/`, so it cannot match.
 */
export function findCommands(body: string): Command[] {
  if (body.length > MAX_COMMAND_BODY) return [];
  const commands: Command[] = [];
  const state: ScanState = { fence: null, inComment: false, afterQuote: false, previousBlank: true };
  let start = 0;
  while (start <= body.length) {
    const end = body.indexOf("\n", start);
    const line = body.slice(start, end < 0 ? body.length : end).replace(/\r$/, "");
    const text = visibleText(line, state);
    const command = text === null ? null : parseCommandLine(text);
    if (command) commands.push(command);
    if (end < 0) break;
    start = end + 1;
  }
  return commands;
}

/** The first `/refresh` command of a body, or null. */
export function findRefreshCommand(body: string): Extract<Command, { name: "refresh" }> | null {
  for (const command of findCommands(body)) if (command.name === "refresh") return command;
  return null;
}

/** The first `/snooze` command (valid or not) of a body, or null. */
export function findSnoozeCommand(body: string): Extract<Command, { name: "snooze" | "snooze-invalid" }> | null {
  for (const command of findCommands(body)) if (command.name !== "refresh") return command;
  return null;
}

interface ScanState {
  /** The open code fence (its character and length), if inside one. */
  fence: { char: string; length: number } | null;
  /** Inside an HTML comment (`<!--` without its `-->` yet). */
  inComment: boolean;
  /** The previous line belonged to a block quote: a non-blank line now continues it. */
  afterQuote: boolean;
  previousBlank: boolean;
}

/** A line's text when markdown would show it as ordinary text (indent and list marker removed); else null. */
function visibleText(line: string, state: ScanState): string | null {
  const blank = line.trim().length === 0;
  const result = classifyLine(line, blank, state);
  state.previousBlank = blank;
  return result;
}

function classifyLine(line: string, blank: boolean, state: ScanState): string | null {
  if (state.inComment) {
    if (line.includes("-->")) state.inComment = false;
    return null;
  }
  const indent = leadingSpaces(line);
  const rest = line.slice(Math.min(indent, 3));
  if (state.fence) {
    if (indent <= 3 && closesFence(rest, state.fence)) state.fence = null;
    return null;
  }
  if (blank) {
    state.afterQuote = false;
    return null;
  }
  // Four spaces (or a tab) after a blank line open an indented code block; we ignore them anywhere.
  if (indent >= 4 || line.startsWith("\t")) return null;
  const fence = openedFence(rest);
  if (fence) {
    state.fence = fence;
    return null;
  }
  if (rest.startsWith(">")) {
    state.afterQuote = true;
    return null;
  }
  if (state.afterQuote) return null;
  if (rest.startsWith("<")) {
    if (rest.startsWith("<!--") && !rest.includes("-->", 4)) state.inComment = true;
    return null;
  }
  return stripListMarker(rest);
}

function leadingSpaces(line: string): number {
  let n = 0;
  while (n < line.length && line[n] === " ") n += 1;
  return n;
}

function openedFence(rest: string): { char: string; length: number } | null {
  const char = rest[0];
  if (char !== "`" && char !== "~") return null;
  let length = 0;
  while (rest[length] === char) length += 1;
  return length >= 3 ? { char, length } : null;
}

function closesFence(rest: string, fence: { char: string; length: number }): boolean {
  let length = 0;
  while (rest[length] === fence.char) length += 1;
  return length >= fence.length && rest.slice(length).trim().length === 0;
}

/** `- /refresh`, `* /refresh`, `1. /refresh`: the text after the marker. */
function stripListMarker(rest: string): string {
  const bullet = /^[-*+][ \t]+/.exec(rest) ?? /^\d{1,9}[.)][ \t]+/.exec(rest);
  return bullet ? rest.slice(bullet[0].length) : rest;
}

function parseCommandLine(rawLine: string): Command | null {
  if (!rawLine.startsWith("/refresh") && !rawLine.startsWith("/snooze")) return null;
  const line = rawLine.trim();
  const [head, ...rest] = line.split(/\s+/, MAX_WORDS + 1);
  if (head === "/refresh") return { name: "refresh", words: rest.filter((w) => w.length > 0) };
  if (head !== "/snooze") return null;
  const days = Number(rest[0]);
  if (rest.length === 0 || !Number.isInteger(days) || days < 1 || days > MAX_SNOOZE_DAYS) {
    return { name: "snooze-invalid", text: line.length > 200 ? `${line.slice(0, 200)}…` : line };
  }
  return { name: "snooze", days };
}
