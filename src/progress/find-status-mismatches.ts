import { DECLARED_STATUS_LABELS } from "../reading/find-board-topics.js";
import type { Finding, TopicReport } from "./types.js";

/**
 * A topic board's status is a claim; the linked items are the evidence. Where they disagree (✅ done
 * but a linked PR still open, 🚧 in progress but everything merged), the report says so. Pure.
 */
export function findStatusMismatches(topics: TopicReport[]): Finding[] {
  return topics.flatMap(({ topic, judgement }) => {
    const declared = topic.declaredStatus;
    const links = judgement.links.filter((l) => l.verdict !== "ignored" && l.verdict !== "unchecked" && l.verdict !== "missing");
    if (!declared || links.length === 0) return [];
    const open = links.filter((l) => l.verdict !== "done");
    const at = { topicAnchor: topic.anchor, line: topic.line };
    const label = `topic "${topic.title}" (line ${topic.line}) is marked ${DECLARED_STATUS_LABELS[declared]} on the board`;
    if (declared === "done" && open.length > 0) {
      return [{ kind: "status-mismatch" as const, message: `${label}, but ${open.map((l) => l.reason).join("; ")}`, ...at }];
    }
    if ((declared === "in-progress" || declared === "paused") && open.length === 0) {
      return [{ kind: "status-mismatch" as const, message: `${label}, but everything it links is done`, ...at }];
    }
    return [];
  });
}
