/** A comment as the REST API lists it: only the fields used to recognise our own. */
export interface IssueComment {
  id: number;
  body?: string | null;
  created_at: string;
  user: { login: string; type?: string } | null;
}

/** The login of the account writing for us: `<slug>[bot]` for the app, the token's user for the CLI. */
export interface Self {
  login: string | null;
}

/** True when a comment was written by us (same author when known) and carries our marker. */
export function isOwnComment(comment: IssueComment, self: Self, hasMarker: (body: string) => boolean): boolean {
  if (!comment.body || !hasMarker(comment.body)) return false;
  if (self.login === null) return true;
  return comment.user?.login.toLowerCase() === self.login.toLowerCase();
}

/**
 * Which issues of a listing are ours. As the app (`<slug>[bot]`) the listing is asked with the
 * `creator` filter, so every issue is ours. With a person's token (CLI) our items were most likely
 * opened by the app: issues by a bot or by the token's user are kept, so a marker pasted by someone
 * else never makes their issue ours.
 */
export function ownIssueFilter(self: Self): { creator?: string; isOurs: (user: { login: string; type?: string } | null | undefined) => boolean } {
  const asApp = self.login?.endsWith("[bot]") ?? false;
  return {
    ...(asApp && self.login ? { creator: self.login } : {}),
    isOurs: (user) => asApp || user?.type === "Bot" || (self.login !== null && user?.login.toLowerCase() === self.login.toLowerCase()),
  };
}
