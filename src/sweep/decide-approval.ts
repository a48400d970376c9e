import type { Config } from "../config/schema.js";

/**
 * Whether this sweep may open follow-ups and remind (pure). Status comments and `/refresh` never
 * need it. With `followUp.approval: dashboard` a person decides with the box on the dashboard;
 * a repository where we opened follow-ups before the dashboard existed (an installation from
 * before onboarding) keeps going: it was approved by use, and its dashboard starts ticked.
 * "Paused" (`unticked`) is only said once there was something to pause.
 */
export type ApprovalReason = "configured" | "ticked" | "unticked" | "new" | "followed-up-before";

export interface Approval {
  approved: boolean;
  why: ApprovalReason;
}

export function decideApproval(
  config: Pick<Config, "followUp">,
  dashboard: { ticked: boolean } | null,
  followedUpBefore: boolean,
): Approval {
  if (config.followUp.approval === "none") return { approved: true, why: "configured" };
  if (dashboard?.ticked) return { approved: true, why: "ticked" };
  // An unticked box on a repository we never followed up in is still "new", not "paused": the
  // second sweep must render what the first did, or it writes (and notifies) for nothing.
  if (dashboard) return followedUpBefore ? { approved: false, why: "unticked" } : { approved: false, why: "new" };
  return followedUpBefore ? { approved: true, why: "followed-up-before" } : { approved: false, why: "new" };
}
