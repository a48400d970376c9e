import { validate } from "@octokit/graphql-schema";
import { expect } from "vitest";

/** Errors GitHub's public schema finds in `document`, as readable lines (empty when valid). */
export function findGraphqlErrors(document: string): string[] {
  return validate(document).map((error) => error.message);
}

/** Fails the test, listing every problem, when `document` does not validate against GitHub's schema. */
export function expectValidGraphql(document: string): void {
  expect(findGraphqlErrors(document), `invalid GraphQL:\n${document}`).toEqual([]);
}
