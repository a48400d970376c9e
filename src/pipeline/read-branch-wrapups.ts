import { readingOptionsOf } from "./reading-options.js";
import type { ProbotOctokit } from "probot";
import type { Config } from "../config/schema.js";
import { fetchFileTexts } from "../github/fetch-file-texts.js";
import type { RepoRef } from "../github/repo-ref.js";
import type { GraphqlRequest } from "../github/request-queue.js";
import { listWrapUpFiles } from "./list-wrapup-files.js";
import { readWrapUps, type ReadWrapUpsResult } from "./read-wrapups.js";
import { needsTopics } from "./select-paths.js";

export interface BranchWrapUps extends ReadWrapUpsResult {
  /** GraphQL requests spent on texts (none for blobs read before). */
  graphqlRequests: number;
}

/**
 * Every candidate file on `branch`, read as the app reads wrap-ups: one tree listing, then texts only
 * for blobs this process has not read yet. The sweep checks them; a wrap-up pull request reads them
 * to tell which of its topics continue earlier events. `graphql` must be a queued one.
 */
export async function readBranchWrapUps(
  octokit: ProbotOctokit,
  repo: RepoRef,
  branch: string,
  config: Pick<Config, "paths"> & Partial<Pick<Config, "wrapups">>,
  graphql: GraphqlRequest,
): Promise<BranchWrapUps> {
  const listed = await listWrapUpFiles(octokit, repo, branch, config);
  let graphqlRequests = 0;
  const read = await readWrapUps(
    listed.files,
    async (paths) => {
      const texts = await fetchFileTexts(graphql, repo, branch, paths);
      graphqlRequests += texts.graphqlRequests;
      return texts;
    },
    { everyFile: !needsTopics(config), reading: readingOptionsOf(config) },
  );
  return { ...read, graphqlRequests };
}
