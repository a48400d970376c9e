/** A repository as `owner` and `repo` (name), the shape Octokit's REST methods take. */
export interface RepoRef {
  owner: string;
  repo: string;
}
