import { buildFileTextsQuery, FILES_PER_QUERY } from "./queries/file-texts-query.js";
import { GithubError } from "./errors.js";
import type { GraphqlRequest } from "./request-queue.js";

export interface FileText {
  path: string;
  text: string;
}

export interface FetchFileTextsResult {
  files: FileText[];
  /** Files that could not be read, each with one sentence saying why. */
  skipped: { path: string; reason: string }[];
  graphqlRequests: number;
}

interface BlobNode {
  text?: string | null;
  isTruncated?: boolean;
}

/**
 * Texts of `paths` at `rev` (a branch name, `HEAD` or a commit SHA), in batches of
 * FILES_PER_QUERY aliases. Missing files, binaries and files too large for GraphQL's `text` are
 * reported in `skipped` rather than failing the batch. Pass a `queueGraphql`-wrapped function.
 */
export async function fetchFileTexts(
  graphql: GraphqlRequest,
  repo: { owner: string; repo: string },
  rev: string,
  paths: string[],
): Promise<FetchFileTextsResult> {
  const result: FetchFileTextsResult = { files: [], skipped: [], graphqlRequests: 0 };
  for (let start = 0; start < paths.length; start += FILES_PER_QUERY) {
    const batch = paths.slice(start, start + FILES_PER_QUERY);
    const variables: Record<string, unknown> = { owner: repo.owner, name: repo.repo };
    batch.forEach((path, i) => (variables[`e${i}`] = `${rev}:${path}`));
    result.graphqlRequests += 1;
    const data = (await requestKeepingPartial(graphql, buildFileTextsQuery(batch.length), variables)) as {
      repository?: Record<string, BlobNode | null> | null;
    } | null;
    batch.forEach((path, i) => collectBlob(result, path, data?.repository?.[`f${i}`] ?? null));
  }
  return result;
}

function collectBlob(result: FetchFileTextsResult, path: string, blob: BlobNode | null): void {
  if (!blob) return void result.skipped.push({ path, reason: "not found at this revision" });
  if (typeof blob.text !== "string") return void result.skipped.push({ path, reason: "not a text file" });
  if (blob.isTruncated) return void result.skipped.push({ path, reason: "too large to read through the API" });
  result.files.push({ path, text: blob.text });
}

/** GitHub answers per-alias problems with data plus errors: keep the data, the nulls say the rest. */
async function requestKeepingPartial(graphql: GraphqlRequest, query: string, variables: Record<string, unknown>) {
  try {
    return await graphql(query, variables);
  } catch (error) {
    if (error instanceof GithubError && error.kind === "partial") return error.details.data;
    throw error;
  }
}
