/** Reading what the app wrote, from the stand-in's world. */
import type { StandIn, WorldComment, WorldIssue } from "../../../dev/github-stand-in/index.js";
import { findRepo } from "../../../dev/github-stand-in/index.js";

export const BOT = "wrapup-tracker[bot]";

export function threadOf(standIn: StandIn, fullName: string, number: number): WorldComment[] {
  const [owner = "", name = ""] = fullName.split("/");
  const repo = findRepo(standIn.world, owner, name);
  return (repo?.issues[number] ?? repo?.pulls[number])?.comments ?? [];
}

export function botComments(standIn: StandIn, fullName: string, number: number): WorldComment[] {
  return threadOf(standIn, fullName, number).filter((c) => c.author === BOT);
}

export function statusComments(standIn: StandIn, fullName: string, number: number): WorldComment[] {
  return botComments(standIn, fullName, number).filter((c) => c.body.includes("<!-- wrapup-tracker:status"));
}

export function botIssues(standIn: StandIn, fullName: string): WorldIssue[] {
  const [owner = "", name = ""] = fullName.split("/");
  return Object.values(findRepo(standIn.world, owner, name)?.issues ?? {}).filter((i) => i.author === BOT);
}

/** Our follow-up issues (the dashboard, also ours, left out). */
export function followUpIssues(standIn: StandIn, fullName: string): WorldIssue[] {
  return botIssues(standIn, fullName).filter((i) => i.body.includes("<!-- wrapup-tracker:follow-up "));
}

/** The table row of a topic in a status comment, e.g. `| 🔴 stalled | [Flaky Test Hunt](…) | … |`. */
export function rowOf(body: string, title: string): string | undefined {
  return body.split("\n").find((line) => line.startsWith("|") && line.includes(title));
}

export function reactionsBy(comment: WorldComment | undefined, login: string): string[] {
  return (comment?.reactions ?? []).filter((r) => r.user === login).map((r) => r.content);
}

/** Write requests (POST/PATCH/PUT/DELETE that succeeded) after a given index of the request log. */
export function writesSince(standIn: StandIn, index: number) {
  return standIn.writes().filter((w) => standIn.requests.indexOf(w) >= index);
}
