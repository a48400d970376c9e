import { LRUCache } from "lru-cache";
import { GithubError } from "./errors.js";
import { buildFileTextsQuery, FILES_PER_QUERY } from "./queries/file-texts-query.js";
import type { GraphqlRequest } from "./request-queue.js";

export interface FileText {
  path: string;
  text: string;
  /** The blob's git SHA: the same text always has the same one (a key for parsed results). */
  oid?: string;
}

export interface FetchFileTextsResult {
  files: FileText[];
  /** Files that could not be read, each with one sentence saying why. */
  skipped: { path: string; reason: string }[];
  graphqlRequests: number;
}

interface BlobNode {
  oid?: string | null;
  text?: string | null;
  isTruncated?: boolean;
}

type Blob = { text: string; oid?: string } | { reason: string };

/**
 * Texts at a commit SHA never change: deliveries of the same PR arriving together (opened +
 * synchronize, redeliveries) share one request, in flight or done. Branch names are never memoized.
 */
const memo = new LRUCache<string, Promise<Blob>>({ max: 1_000 });
const isCommitSha = (rev: string) => /^[0-9a-f]{40}$/i.test(rev);

/** Empties the memo (tests that replay the same commit with other contents). */
export function forgetFileTexts(): void {
  memo.clear();
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
  const keyOf = (path: string) => `${repo.owner}/${repo.repo}@${rev}:${path}`.toLowerCase();
  const shared = isCommitSha(rev);
  const pending = new Map<string, Promise<Blob>>();
  const missing = paths.filter((path) => {
    const known = shared ? memo.get(keyOf(path)) : undefined;
    if (known) pending.set(path, known);
    return !known;
  });
  let graphqlRequests = 0;
  for (let start = 0; start < missing.length; start += FILES_PER_QUERY) {
    const batch = missing.slice(start, start + FILES_PER_QUERY);
    graphqlRequests += 1;
    const request = requestBatch(graphql, repo, rev, batch);
    batch.forEach((path, i) => {
      const blob = request.then((blobs) => blobs[i]!);
      // Read below only when the batch worked; a failed batch is thrown by `await request`.
      blob.catch(() => undefined);
      pending.set(path, blob);
      if (shared) {
        memo.set(keyOf(path), blob);
        blob.catch(() => memo.delete(keyOf(path)));
      }
    });
    // Batches run one after the other, as GitHub asks of GraphQL clients.
    await request;
  }
  const result: FetchFileTextsResult = { files: [], skipped: [], graphqlRequests };
  for (const path of paths) {
    const blob = await pending.get(path)!;
    if ("text" in blob) result.files.push({ path, text: blob.text, ...(blob.oid ? { oid: blob.oid } : {}) });
    else result.skipped.push({ path, reason: blob.reason });
  }
  return result;
}

async function requestBatch(
  graphql: GraphqlRequest,
  repo: { owner: string; repo: string },
  rev: string,
  batch: string[],
): Promise<Blob[]> {
  const variables: Record<string, unknown> = { owner: repo.owner, name: repo.repo };
  batch.forEach((path, i) => (variables[`e${i}`] = `${rev}:${path}`));
  const data = (await requestKeepingPartial(graphql, buildFileTextsQuery(batch.length), variables)) as {
    repository?: Record<string, BlobNode | null> | null;
  } | null;
  return batch.map((_, i) => toBlob(data?.repository?.[`f${i}`] ?? null));
}

function toBlob(blob: BlobNode | null): Blob {
  if (!blob) return { reason: "not found at this revision" };
  if (typeof blob.text !== "string") return { reason: "not a text file" };
  if (blob.isTruncated) return { reason: "too large to read through the API" };
  return blob.oid ? { text: blob.text, oid: blob.oid } : { text: blob.text };
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
