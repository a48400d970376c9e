import type { Context } from "probot";

type CommentContext = Context<"issue_comment.created">;

/** One comment in the thread the command was typed in. */
export async function reply(context: CommentContext, body: string): Promise<void> {
  await context.octokit.rest.issues.createComment(context.issue({ body }));
}

/** A reaction on the command's comment: 👀 on start, 🚀 or 😕 at the end, 👍 for `/snooze`. */
export async function react(
  context: CommentContext,
  content: "eyes" | "rocket" | "confused" | "+1",
): Promise<void> {
  await context.octokit.rest.reactions.createForIssueComment(context.repo({ comment_id: context.payload.comment.id, content }));
}
