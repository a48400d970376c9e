/**
 * One GraphQL query reading many files of one repository at one revision: an aliased
 * `object(expression: "<rev>:<path>")` per file. Lookups without connections cost 1 point per
 * query whatever the number of aliases, so a wrap-up repository's files cost one request per batch.
 */
export const FILES_PER_QUERY = 50;

export function buildFileTextsQuery(count: number): string {
  const variables = Array.from({ length: count }, (_, i) => `$e${i}: String!`).join(", ");
  const fields = Array.from(
    { length: count },
    (_, i) => `    f${i}: object(expression: $e${i}) { ... on Blob { oid text isTruncated byteSize } }`,
  ).join("\n");
  return [
    `query WrapupFileTexts($owner: String!, $name: String!, ${variables}) {`,
    "  repository(owner: $owner, name: $name) {",
    fields,
    "  }",
    "  rateLimit { cost remaining resetAt }",
    "}",
  ].join("\n");
}
