import type { Context } from "probot";
import { postCommentOnce } from "../writes/write-once.js";
import { coordinationOf, type AppDeps } from "./app-deps.js";

type CommentContext = Context<"issue_comment.created">;

/**
 * Replies and reactions to commands are paced in a lane of their own (see `paceWrites`): however
 * many commands people type, they never spend the budget that paces follow-ups and reminders.
 */
export const REPLY_PACING = { pacing: "reply" } as const;

/** At most one refusal or "try again" comment per user per thread in this time; a reaction otherwise. */
export const REFUSAL_BUDGET_MS = 3_600_000;

/** Marks our reply to one command comment, so a reply GitHub failed on is looked up, never posted twice. */
export function replyMarker(commandCommentId: number): string {
  return `<!-- wrapup-tracker:reply {"to":${commandCommentId}} -->`;
}

/** One comment in the thread the command was typed in (through `postCommentOnce`). */
export async function reply(context: CommentContext, body: string): Promise<void> {
  const { owner, repo } = context.repo();
  const thread = { owner, repo, number: context.payload.issue.number };
  // Who we are is not asked here: the marker names the command comment, which only we answer.
  await postCommentOnce(context.octokit, thread, `${replyMarker(context.payload.comment.id)}\n${body}`, { login: null }, undefined, REPLY_PACING);
}

/**
 * A refusal or a "try again": a comment the first time this user hears it in this thread within
 * `REFUSAL_BUDGET_MS`, a 😕 reaction after that — 100 commands give one comment, not 100. The
 * budget is claimed through the coordination (Redis when replicas share it), so replicas agree.
 */
export async function replyOnceThenReact(context: CommentContext, deps: AppDeps, body: string): Promise<"replied" | "reacted"> {
  if (!(await claimReplyBudget(context, deps))) {
    await react(context, "confused");
    return "reacted";
  }
  await reply(context, body);
  return "replied";
}

/** True when this user may get one more refusal comment in this thread now (and it is counted). */
export async function claimReplyBudget(context: CommentContext, deps: AppDeps): Promise<boolean> {
  const { repository, issue, comment } = context.payload;
  const key = `reply:${repository.full_name}#${issue.number}:${comment.user?.login ?? "?"}`.toLowerCase();
  return (await coordinationOf(deps).claimCooldown(key, REFUSAL_BUDGET_MS)).claimed;
}

/** A reaction on the command's comment: 👀 on start, 🚀 or 😕 at the end, 👍 for `/snooze`. */
export async function react(
  context: CommentContext,
  content: "eyes" | "rocket" | "confused" | "+1",
): Promise<void> {
  await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content, request: REPLY_PACING }));
}
