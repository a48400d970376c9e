import type { Probot } from "probot";
import { findRefreshCommand, findSnoozeCommand } from "../commands/find-commands.js";
import { hasPermission } from "../commands/rank-permission.js";
import { defaultConfig, loadContextConfig, type LoadedConfig } from "../config/load-repo-config.js";
import { getUserPermission } from "../github/permissions.js";
import { parseFollowUpMarker } from "../render/marker.js";
import type { AppDeps } from "./app-deps.js";
import { reply } from "./comment-replies.js";
import { runRefresh } from "./refresh.js";
import { runSnooze } from "./snooze.js";

/** `/refresh` and `/snooze` typed in a comment (new comments only: editing one never re-runs it). */
export function registerIssueCommentHandler(app: Probot, deps: AppDeps): void {
  app.on("issue_comment.created", async (context) => {
    const { comment, issue } = context.payload;
    // Bots (this app included) never run commands: our own replies could otherwise loop.
    if (comment.user?.type === "Bot" || context.isBot) return;
    const refresh = findRefreshCommand(comment.body);
    const snooze = refresh ? null : findSnoozeCommand(comment.body);
    if (!refresh && !snooze) return;
    const loaded = await loadContextConfig(context);
    if (loaded.ok === "unavailable") {
      context.log.warn({ error: loaded.error }, "config unavailable, command not run");
      return;
    }
    const minPermission = configOf(loaded).commands.refresh.minPermission;
    const granted = await getUserPermission(context.octokit, context.repo(), comment.user!.login);
    if (!hasPermission(granted, minPermission)) {
      await reply(context, `Sorry @${comment.user!.login}, this command needs ${minPermission} permission on this repository.`);
      context.log.info({ user: comment.user!.login, granted, minPermission }, "command refused: permission");
      return;
    }
    if (refresh) {
      const outcome = await runRefresh(context, deps, loaded, refresh.words);
      context.log.info({ issue: issue.number, outcome }, "/refresh handled");
      return;
    }
    const isFollowUp = parseFollowUpMarker(issue.body) !== null;
    const outcome = await runSnooze(context, deps, snooze!, isFollowUp);
    context.log.info({ issue: issue.number, outcome }, "/snooze handled");
  });
}

/** The config to act on: an invalid one still lets `/refresh` report its problems. */
function configOf(loaded: Exclude<LoadedConfig, { ok: "unavailable" }>) {
  return loaded.ok ? loaded.config : defaultConfig();
}
