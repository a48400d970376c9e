import type { ProbotOctokit } from "probot";
import type { Config } from "../config/schema.js";
import { selectCandidatePaths } from "./select-paths.js";
import type { RepoRef } from "../github/repo-ref.js";

export interface WrapUpFileList {
  paths: string[];
  /** GitHub cut the tree listing short (very large repositories): some files may be missing. */
  truncated: boolean;
}

/** Paths on `branch` that may be wrap-ups (`paths` globs, else every markdown file): one request. */
export async function listWrapUpFiles(
  octokit: ProbotOctokit,
  repo: RepoRef,
  branch: string,
  config: Pick<Config, "paths">,
): Promise<WrapUpFileList> {
  const { data } = await octokit.rest.git.getTree({ ...repo, tree_sha: branch, recursive: "true" });
  const blobs = data.tree.filter((entry) => entry.type === "blob" && entry.path).map((entry) => entry.path!);
  return { paths: selectCandidatePaths(blobs, config), truncated: data.truncated };
}
