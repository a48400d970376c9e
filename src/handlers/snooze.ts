import type { Context } from "probot";
import { readSnooze, snoozeUntil, writeSnooze } from "../sweep/snooze-note.js";
import type { Command } from "../commands/find-commands.js";
import type { AppDeps } from "./app-deps.js";
import { react, replyOnceThenReact } from "./comment-replies.js";

type CommentContext = Context<"issue_comment.created">;

export type SnoozeOutcome = "snoozed" | "unchanged" | "not-a-follow-up" | "invalid";

/**
 * `/snooze <days>` in one of our follow-up issues: no reminders until then. Stored in the issue
 * body (a hidden line), so it survives restarts and the sweep sees it without any other lookup.
 */
export async function runSnooze(
  context: CommentContext,
  deps: AppDeps,
  command: Extract<Command, { name: "snooze" | "snooze-invalid" }>,
  isFollowUp: boolean,
): Promise<SnoozeOutcome> {
  if (!isFollowUp) {
    await replyOnceThenReact(context, deps, "`/snooze` works in follow-up issues opened by wrapup-tracker.");
    return "not-a-follow-up";
  }
  if (command.name === "snooze-invalid") {
    await replyOnceThenReact(context, deps, "Usage: `/snooze <days>` with a whole number of days from 1 to 365.");
    return "invalid";
  }
  const body = context.payload.issue.body ?? "";
  const until = snoozeUntil(deps.now(), command.days);
  const next = writeSnooze(body, until);
  if (readSnooze(body) !== until) {
    await context.octokit.rest.issues.update(context.issue({ body: next }));
  }
  await react(context, "+1");
  return readSnooze(body) === until ? "unchanged" : "snoozed";
}
