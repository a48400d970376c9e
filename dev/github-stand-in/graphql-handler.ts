/**
 * Answers `POST /api/graphql` the way GitHub does: the document is validated against GitHub's
 * public schema (`@octokit/graphql-schema`), its cost is counted, then it runs over the world.
 * Errors keep GitHub's shape: validation errors with `extensions.code`, NOT_FOUND with partial data,
 * RATE_LIMITED when the point budget cannot cover the query.
 */
import { schema as githubSchema } from "@octokit/graphql-schema";
import {
  buildSchema,
  execute,
  getOperationAST,
  parse,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
} from "graphql";
import { computeCost } from "./graphql-cost.js";
import { NotFoundError, queryView } from "./graphql-views.js";
import type { PointBudget } from "./points.js";
import type { World } from "./world.js";

let cachedSchema: GraphQLSchema | undefined;

/** GitHub's schema as an executable schema (built once per process: it is large). */
export function getGithubSchema(): GraphQLSchema {
  cachedSchema ??= buildSchema(githubSchema.idl, { assumeValidSDL: true });
  return cachedSchema;
}

export interface GraphqlRequestBody {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphqlAnswer {
  status: number;
  body: Record<string, unknown>;
  /** Points charged; 0 when the document was rejected before running. */
  cost: number;
}

function formatValidationError(error: GraphQLError): Record<string, unknown> {
  const undefinedField = /^Cannot query field "(.+?)" on type "(.+?)"/.exec(error.message);
  if (undefinedField) {
    return {
      path: ["query"],
      extensions: { code: "undefinedField", typeName: undefinedField[2], fieldName: undefinedField[1] },
      locations: error.locations,
      message: `Field '${undefinedField[1]}' doesn't exist on type '${undefinedField[2]}'`,
    };
  }
  return { path: ["query"], extensions: { code: "invalidQuery" }, locations: error.locations, message: error.message };
}

function formatExecutionError(error: GraphQLError): Record<string, unknown> {
  if (error.originalError instanceof NotFoundError) {
    return { type: "NOT_FOUND", path: error.path, locations: error.locations, message: error.originalError.message };
  }
  return { path: error.path, locations: error.locations, message: error.message };
}

function rejected(errors: Record<string, unknown>[]): GraphqlAnswer {
  return { status: 200, body: { errors }, cost: 0 };
}

export async function answerGraphql(
  world: World,
  points: PointBudget,
  request: GraphqlRequestBody,
  viewerLogin: string,
): Promise<GraphqlAnswer> {
  if (typeof request.query !== "string") {
    return rejected([{ message: "A query attribute must be specified and must be a string." }]);
  }
  const schema = getGithubSchema();
  let document: DocumentNode;
  try {
    document = parse(request.query);
  } catch (error) {
    const e = error as GraphQLError;
    return rejected([{ message: `Parse error: ${e.message}`, locations: e.locations }]);
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length > 0) return rejected(validationErrors.map(formatValidationError));
  const operationName = typeof request.operationName === "string" ? request.operationName : undefined;
  const operation = getOperationAST(document, operationName);
  if (!operation) return rejected([{ message: "No operation named in the document." }]);
  const variables = (request.variables ?? {}) as Record<string, unknown>;
  const cost = computeCost(schema, document, operation, variables);
  if (cost.problems.length > 0) return rejected(cost.problems);
  if (!points.spend(cost.cost)) {
    return rejected([{ type: "RATE_LIMITED", code: "graphql_rate_limit", message: "API rate limit already exceeded for installation ID 1." }]);
  }
  const rateLimit = {
    cost: cost.cost,
    limit: points.limit,
    remaining: points.remaining,
    used: points.used,
    resetAt: new Date(points.resetAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
    nodeCount: cost.nodeCount,
  };
  const result = await execute({
    schema,
    document,
    operationName,
    variableValues: variables,
    rootValue: queryView(world, rateLimit, viewerLogin),
  });
  const body: Record<string, unknown> = { data: result.data ?? null };
  if (result.errors?.length) body.errors = result.errors.map(formatExecutionError);
  return { status: 200, body, cost: cost.cost };
}
