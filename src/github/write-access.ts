import type { ProbotOctokit } from "probot";
import type { RepoRef } from "./repo-ref.js";
import type { Self } from "../writes/own-comment.js";

/** Whether the sweep may write (comment, open issues) in a repository: asked before, never by trying. */
export type CanWrite = (repo: RepoRef) => Promise<boolean>;

const nameOf = (repo: RepoRef) => `${repo.owner}/${repo.repo}`.toLowerCase();

/**
 * Decides where writes would be refused, asking GitHub at most once per repository per sweep:
 * - as an installation (the app, a workflow's bot): the repositories of this installation, listed
 *   once (`GET /installation/repositories`); if that listing fails, only `home`;
 * - with a person's token (CLI): repositories where that person has at least triage, so a sweep run
 *   by hand never posts as them where they are a stranger.
 * `home` (the wrap-up repository the sweep runs on) is always writable.
 */
export function createWriteAccess(octokit: ProbotOctokit, options: { self: Self; home: RepoRef }): CanWrite {
  const home = nameOf(options.home);
  if (options.self.login?.endsWith("[bot]")) {
    let installed: Promise<Set<string>> | undefined;
    return async (repo) => {
      if (nameOf(repo) === home) return true;
      installed ??= listInstallationRepos(octokit).catch(() => new Set([home]));
      return (await installed).has(nameOf(repo));
    };
  }
  const asked = new Map<string, Promise<boolean>>();
  return (repo) => {
    const name = nameOf(repo);
    if (name === home) return Promise.resolve(true);
    let found = asked.get(name);
    if (!found) {
      found = hasTriage(octokit, repo);
      asked.set(name, found);
    }
    return found;
  };
}

async function listInstallationRepos(octokit: ProbotOctokit): Promise<Set<string>> {
  const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
  return new Set(repos.map((repo) => (repo.full_name || `${repo.owner.login}/${repo.name}`).toLowerCase()));
}

async function hasTriage(octokit: ProbotOctokit, repo: RepoRef): Promise<boolean> {
  try {
    const { data } = await octokit.rest.repos.get({ owner: repo.owner, repo: repo.repo });
    const granted = data.permissions;
    return Boolean(granted && (granted.admin || granted.maintain || granted.push || granted.triage));
  } catch {
    return false;
  }
}
