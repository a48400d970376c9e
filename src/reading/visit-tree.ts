import type { Nodes } from "mdast";

/** Depth-first over an mdast tree, in document order; `enter` returns false to skip a node's children. */
export function visitTree(node: Nodes, enter: (node: Nodes) => boolean): void {
  const stack: Nodes[] = [node];
  while (stack.length > 0) {
    const current = stack.pop() as Nodes;
    if (!enter(current) || !("children" in current)) continue;
    const children = current.children as Nodes[];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as Nodes);
  }
}
