import type { Context } from "probot";
import { postCommentOnce } from "../writes/write-once.js";

type CommentContext = Context<"issue_comment.created">;

/** Marks our reply to one command comment, so a reply GitHub failed on is looked up, never posted twice. */
export function replyMarker(commandCommentId: number): string {
  return `<!-- wrapup-tracker:reply {"to":${commandCommentId}} -->`;
}

/** One comment in the thread the command was typed in (through `postCommentOnce`). */
export async function reply(context: CommentContext, body: string): Promise<void> {
  const { owner, repo } = context.repo();
  const thread = { owner, repo, number: context.payload.issue.number };
  // Who we are is not asked here: the marker names the command comment, which only we answer.
  await postCommentOnce(context.octokit, thread, `${replyMarker(context.payload.comment.id)}\n${body}`, { login: null });
}

/** A reaction on the command's comment: 👀 on start, 🚀 or 😕 at the end, 👍 for `/snooze`. */
export async function react(
  context: CommentContext,
  content: "eyes" | "rocket" | "confused" | "+1",
): Promise<void> {
  await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content }));
}
