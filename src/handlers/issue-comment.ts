import type { Probot } from "probot";
import { findRefreshCommand, findSnoozeCommand, MAX_COMMAND_BODY } from "../commands/find-commands.js";
import { hasPermission } from "../commands/rank-permission.js";
import { defaultConfig, loadContextConfig, type LoadedConfig } from "../config/load-repo-config.js";
import { permissionLevels } from "../config/schema.js";
import { getCachedUserPermission } from "../github/permissions.js";
import { parseFollowUpMarker } from "../render/marker.js";
import type { AppDeps } from "./app-deps.js";
import { replyOnceThenReact } from "./comment-replies.js";
import { runRefresh } from "./refresh.js";
import { runSnooze } from "./snooze.js";

/**
 * `/refresh` and `/snooze` typed in a comment (new comments only: editing one never re-runs it).
 * Anyone can comment on a public repository, so the order is cheapest first: a line-start test on
 * the raw body (bodies over 64 KB are not read at all) → the commenter's permission (a stranger is
 * refused before the config is even read) → the config → the command.
 */
export function registerIssueCommentHandler(app: Probot, deps: AppDeps): void {
  app.on("issue_comment.created", async (context) => {
    const { comment, issue } = context.payload;
    // Bots (this app included) never run commands: our own replies could otherwise loop.
    if (comment.user?.type === "Bot" || context.isBot) return;
    if (comment.body.length > MAX_COMMAND_BODY) return;
    const refresh = findRefreshCommand(comment.body);
    const snooze = refresh ? null : findSnoozeCommand(comment.body);
    if (!refresh && !snooze) return;
    const login = comment.user!.login;
    const granted = await getCachedUserPermission(context.octokit, context.repo(), login, deps.permissions);
    const refuse = async (minPermission: string) => {
      const answer = await replyOnceThenReact(context, deps, `Sorry @${login}, this command needs ${minPermission} permission on this repository.`);
      context.log.info({ user: login, granted, minPermission, answer }, "command refused: permission");
    };
    if (!hasPermission(granted, permissionLevels[0])) return refuse(permissionLevels[0]);
    const loaded = await loadContextConfig(context);
    if (loaded.ok === "unavailable") {
      context.log.warn({ error: loaded.error }, "config unavailable, command not run");
      return;
    }
    const minPermission = configOf(loaded).commands.refresh.minPermission;
    if (!hasPermission(granted, minPermission)) return refuse(minPermission);
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
