import type { ProbotOctokit } from "probot";
import type { Config } from "../config/schema.js";
import type { ListedFile } from "./read-wrapups.js";
import { selectCandidatePaths } from "./select-paths.js";
import type { RepoRef } from "../github/repo-ref.js";

export interface WrapUpFileList {
  /** Candidate files with their blob SHAs: a file whose blob did not change is not read again. */
  files: ListedFile[];
  /** GitHub cut the tree listing short (very large repositories): some files may be missing. */
  truncated: boolean;
}

/** Files on `branch` that may be wrap-ups (`paths` globs, else every markdown file): one request. */
export async function listWrapUpFiles(
  octokit: ProbotOctokit,
  repo: RepoRef,
  branch: string,
  config: Pick<Config, "paths">,
): Promise<WrapUpFileList> {
  const { data } = await octokit.rest.git.getTree({ owner: repo.owner, repo: repo.repo, tree_sha: branch, recursive: "true" });
  const shas = new Map(data.tree.filter((entry) => entry.type === "blob" && entry.path).map((entry) => [entry.path!, entry.sha]));
  const paths = selectCandidatePaths([...shas.keys()], config);
  return { files: paths.map((path) => ({ path, ...(shas.get(path) ? { sha: shas.get(path) } : {}) })), truncated: data.truncated };
}
