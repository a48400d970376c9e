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
