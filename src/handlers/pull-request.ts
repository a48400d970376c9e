import type { Probot } from "probot";
import { loadContextConfig } from "../config/load-repo-config.js";
import type { AppDeps } from "./app-deps.js";
import { checkPullRequest } from "./check-pull-request.js";

const PR_ACTIONS = [
  "pull_request.opened",
  "pull_request.reopened",
  "pull_request.synchronize",
  "pull_request.ready_for_review",
] as const;

/** Wrap-up pull requests: one status comment, created or updated as the PR changes. */
export function registerPullRequestHandler(app: Probot, deps: AppDeps): void {
  app.on([...PR_ACTIONS], async (context) => {
    const { pull_request: pr, repository, installation } = context.payload;
    const result = await checkPullRequest(
      context.octokit,
      {
        owner: repository.owner.login,
        repo: repository.name,
        number: pr.number,
        headSha: pr.head.sha,
        scope: String(installation?.id ?? repository.owner.login),
        webUrl: new URL(repository.html_url).origin,
        defaultBranch: repository.default_branch,
      },
      deps,
      { loadConfig: () => loadContextConfig(context), bypassCache: false },
    );
    context.log.info({ pr: pr.number, action: context.payload.action, ...result }, "wrap-up pull request checked");
  });
}
