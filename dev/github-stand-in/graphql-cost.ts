/**
 * GitHub's GraphQL point cost, computed the documented way: every connection needs one request per
 * node its parent connections may return (assuming each reaches its `first`/`last`); the sum divided
 * by 100, rounded, is the cost — at least 1. Plain lookups (`repository { pullRequest(number:) }`)
 * add nothing, however many aliases. Also enforces the pagination rules GitHub rejects queries for.
 */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  valueFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from "graphql";

export interface QueryCost {
  cost: number;
  requests: number;
  nodeCount: number;
  problems: { type: string; message: string }[];
}

const NODE_LIMIT = 500_000;

export function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): QueryCost {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }
  const result: QueryCost = { cost: 1, requests: 0, nodeCount: 0, problems: [] };
  const root = operation.operation === "mutation" ? schema.getMutationType() : schema.getQueryType();
  if (root) walk(schema, fragments, variables, operation.selectionSet, root, 1, result);
  result.cost = Math.max(1, Math.round(result.requests / 100));
  if (result.nodeCount > NODE_LIMIT) {
    result.problems.push({ type: "MAX_NODE_LIMIT_EXCEEDED", message: `This query requests up to ${result.nodeCount} possible nodes which exceeds the maximum limit of ${NODE_LIMIT}.` });
  }
  return result;
}

function walk(
  schema: GraphQLSchema,
  fragments: Map<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  multiplier: number,
  result: QueryCost,
): void {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      if (type) walk(schema, fragments, variables, selection.selectionSet, type, multiplier, result);
      continue;
    }
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments.get(selection.name.value);
      const type = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && type) walk(schema, fragments, variables, fragment.selectionSet, type, multiplier, result);
      continue;
    }
    if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
    const field = parent.getFields()[selection.name.value];
    if (!field) continue;
    const type = getNamedType(field.type);
    let childMultiplier = multiplier;
    const pageArgs = field.args.filter((a) => a.name === "first" || a.name === "last");
    if (type.name.endsWith("Connection") && pageArgs.length > 0) {
      let size: number | undefined;
      for (const arg of pageArgs) {
        const node = selection.arguments?.find((a) => a.name.value === arg.name);
        const value = node ? valueFromAST(node.value, arg.type, variables) : undefined;
        if (typeof value === "number") size = value;
      }
      if (size === undefined) {
        result.problems.push({ type: "MISSING_PAGINATION_BOUNDARIES", message: `You must provide a \`first\` or \`last\` value to properly paginate the \`${field.name}\` connection.` });
        size = 100;
      } else if (size > 100 || size < 0) {
        result.problems.push({ type: "EXCESSIVE_PAGINATION", message: `Requesting ${size} records on the \`${field.name}\` connection exceeds the \`first\` limit of 100 records.` });
      }
      result.requests += multiplier;
      result.nodeCount += multiplier * size;
      childMultiplier = multiplier * Math.max(size, 1);
    }
    if (selection.selectionSet) walk(schema, fragments, variables, selection.selectionSet, type, childMultiplier, result);
  }
}
