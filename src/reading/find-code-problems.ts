import type { Code, Nodes, Root } from "mdast";

const FENCE = /^[ \t>]*(`{3,}|~{3,})/;

/** Code fences that are never closed: everything after them was read as code, not as topics. */
export function findCodeProblems(root: Root, text: string): string[] {
  const warnings: string[] = [];
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop() as Nodes;
    if (node.type === "code") {
      const warning = checkFence(node, text);
      if (warning) warnings.push(warning);
    } else if ("children" in node) {
      stack.push(...(node.children as Nodes[]));
    }
  }
  return warnings;
}

function checkFence(node: Code, text: string): string | null {
  const start = node.position?.start;
  const end = node.position?.end;
  if (!start || !end) return null;
  const raw = text.slice(start.offset ?? 0, end.offset ?? 0);
  const opening = FENCE.exec(raw)?.[1];
  if (!opening) return null;
  const lines = raw.split("\n");
  const last = lines.at(-1) ?? "";
  const closing = FENCE.exec(last)?.[1];
  const closed = lines.length > 1 && !!closing && closing[0] === opening[0] && closing.length >= opening.length && last.trim().replace(/^>\s*/, "").replace(/^[`~]+/, "").trim() === "";
  if (closed) return null;
  const rest = (end.offset ?? 0) >= text.trimEnd().length ? "the rest of the document" : "the rest of its block";
  return `line ${start.line}: a code block (${opening}) opened here is never closed, so ${rest} was read as code`;
}
