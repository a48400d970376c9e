/** Small GraphQL view pieces shared by the item and git views: ids, actors, comments, labels, errors. */
import { makeConnection, type ConnectionArgs } from "./graphql-connection.js";
import { userOf, type World, type WorldComment, type WorldPull, type WorldRepo } from "./world.js";

/** GitHub's NOT_FOUND: the field is null and the error carries `type: "NOT_FOUND"`. */
export class NotFoundError extends Error {
  readonly type = "NOT_FOUND";
}

export const WEB = "https://github.com";

export function nodeId(kind: string, key: string): string {
  return Buffer.from(`${kind}:${key}`).toString("base64url");
}

export function actorView(world: World, login: string | null) {
  if (!login) return null;
  const user = userOf(world, login);
  const typename = user.type;
  // GraphQL shows a bot's login without the `[bot]` suffix REST uses.
  const shown = typename === "Bot" ? login.replace(/\[bot\]$/, "") : login;
  return {
    __typename: typename,
    id: nodeId(typename, login),
    databaseId: user.id,
    login: shown,
    name: null,
    url: `${WEB}/${typename === "Bot" ? "apps/" : ""}${shown}`,
    avatarUrl: `https://avatars.githubusercontent.com/u/${user.id}`,
    resourcePath: `/${shown}`,
  };
}

function reactionEnum(content: string): string {
  return content === "+1" ? "THUMBS_UP" : content === "-1" ? "THUMBS_DOWN" : content.toUpperCase();
}

export function commentView(world: World, comment: WorldComment, url: string) {
  return {
    __typename: "IssueComment",
    id: nodeId("IssueComment", String(comment.id)),
    databaseId: comment.id,
    body: comment.body,
    bodyText: comment.body,
    author: actorView(world, comment.author),
    createdAt: comment.createdAt,
    updatedAt: comment.updatedAt,
    lastEditedAt: comment.updatedAt === comment.createdAt ? null : comment.updatedAt,
    publishedAt: comment.createdAt,
    url: `${url}#issuecomment-${comment.id}`,
    isMinimized: false,
    viewerDidAuthor: false,
    reactions: (args: ConnectionArgs & { content?: string | null }) =>
      makeConnection(
        comment.reactions
          .filter((r) => !args.content || reactionEnum(r.content) === args.content)
          .map((r) => ({ __typename: "Reaction", id: nodeId("Reaction", String(r.id)), databaseId: r.id, content: reactionEnum(r.content), createdAt: r.createdAt, user: actorView(world, r.user) })),
        args,
      ),
  };
}

export function labelsConnection(world: World, repo: WorldRepo, names: string[], args: ConnectionArgs) {
  return makeConnection(
    names.map((name) => ({
      __typename: "Label",
      id: nodeId("Label", name),
      name,
      color: repo.labels[name]?.color ?? "ededed",
      description: repo.labels[name]?.description ?? null,
    })),
    args,
  );
}

export function allPulls(world: World): { repo: WorldRepo; pull: WorldPull }[] {
  const result: { repo: WorldRepo; pull: WorldPull }[] = [];
  for (const repo of Object.values(world.repos)) {
    for (const pull of Object.values(repo.pulls)) result.push({ repo, pull });
  }
  return result;
}

export function filterStates<T extends { pull: WorldPull }>(pulls: T[], states: string[] | null | undefined): T[] {
  return states?.length ? pulls.filter(({ pull }) => states.includes(pull.state)) : pulls;
}

