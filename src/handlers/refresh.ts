import type { Context } from "probot";
import type { LoadedConfig } from "../config/load-repo-config.js";
import { parseFollowUpMarker } from "../render/marker.js";
import { coordinationOf, type AppDeps } from "./app-deps.js";
import { checkPullRequest } from "./check-pull-request.js";
import { defaultConfig } from "../config/load-repo-config.js";
import { claimReplyBudget, react, reply, replyOnceThenReact } from "./comment-replies.js";
import { refreshFollowUp } from "../sweep/refresh-follow-up.js";
import { refreshDashboard } from "./refresh-dashboard.js";

type CommentContext = Context<"issue_comment.created">;

export type RefreshOutcome = "refreshed" | "cooldown" | "failed" | "not-applicable";

/**
 * `/refresh`: 👀 at once → re-run bypassing the cache → 🚀, or 😕 plus one line saying what failed.
 * At most one run per thread per `cooldownSeconds`; later ones get a short reply (once per user
 * and thread an hour, a reaction after that).
 */
export async function runRefresh(
  context: CommentContext,
  deps: AppDeps,
  loaded: Exclude<LoadedConfig, { ok: "unavailable" }>,
  words: string[],
): Promise<RefreshOutcome> {
  const { issue, repository, installation } = context.payload;
  const thread = `${repository.full_name}#${issue.number}`.toLowerCase();
  const cooldownMs = (loaded.ok ? loaded.config : defaultConfig()).commands.refresh.cooldownSeconds * 1000;
  // Claimed across replicas when they share Redis: two `/refresh` at once run one refresh.
  const claim = await coordinationOf(deps).claimCooldown(thread, cooldownMs);
  if (!claim.claimed) {
    await replyOnceThenReact(context, deps, `Refreshed moments ago; try again in ${Math.ceil(claim.retryInMs / 1000)} s.`);
    return "cooldown";
  }
  await react(context, "eyes");
  const scope = String(installation?.id ?? repository.owner.login);
  try {
    const ok = await refreshThread(context, deps, loaded, words, scope);
    if (!ok) {
      await react(context, "confused");
      // A refusal too: said once per user and thread an hour, the 😕 alone after that.
      if (await claimReplyBudget(context, deps)) {
        await reply(context, "`/refresh` works on wrap-up pull requests, on the wrap-up dashboard and on follow-up issues opened by wrapup-tracker.");
      }
      return "not-applicable";
    }
    await react(context, "rocket");
    return "refreshed";
  } catch (error) {
    context.log.warn({ err: error }, "refresh failed");
    await react(context, "confused");
    await reply(context, `Refresh failed: ${oneLine((error as Error).message)}`);
    return "failed";
  }
}

async function refreshThread(
  context: CommentContext,
  deps: AppDeps,
  loaded: Exclude<LoadedConfig, { ok: "unavailable" }>,
  words: string[],
  scope: string,
): Promise<boolean> {
  const { issue, repository } = context.payload;
  const repo = { owner: repository.owner.login, repo: repository.name };
  if (issue.pull_request) {
    const { data: pr } = await context.octokit.rest.pulls.get({ ...repo, pull_number: issue.number });
    const result = await checkPullRequest(
      context.octokit,
      { ...repo, number: issue.number, headSha: pr.head.sha, scope, webUrl: new URL(repository.html_url).origin, defaultBranch: repository.default_branch },
      deps,
      { loadConfig: async () => loaded, bypassCache: true, words },
    );
    return result.kind === "written";
  }
  const dashboard = await refreshDashboard(context, deps, loaded, scope);
  if (dashboard !== "not-a-dashboard") return true;
  const marker = parseFollowUpMarker(issue.body);
  if (!marker) return false;
  if (!loaded.ok) throw new Error(`.github/wrapup-tracker.yml has problems: ${loaded.problems.join("; ")}`);
  await refreshFollowUp(context.octokit, { ...repo, number: issue.number, body: issue.body ?? "" }, marker, {
    config: loaded.config,
    now: deps.now(),
    scope,
    self: await deps.self(),
    cache: deps.stateCache,
  });
  return true;
}

function oneLine(text: string): string {
  const line = text.split("\n")[0]!.trim();
  return line.length > 200 ? `${line.slice(0, 197)}…` : line;
}
