import type { Topic, WrapUp } from "../wrapup/types.js";
import { linkKey } from "../wrapup/link-key.js";
// The parser's own names, so an empty field the parser already warned about is recognised here.
import { FIELD_LABELS } from "../reading/field-names.js";
import { WORK_ITEM_KINDS } from "../wrapup/types.js";
import type { LinkState, ResolvedStates } from "../github/types.js";
import type { Finding } from "./types.js";

function name(topic: Topic): string {
  return `topic "${topic.title}" (line ${topic.line})`;
}

/** Things about the wrap-up document itself worth telling its authors. */
export function findFindings(wrapUp: WrapUp, states: ResolvedStates): Finding[] {
  // A missing "Next Steps" section is an omission only in a document written with fields; a sprint
  // report or an outcome list has none by its format, and its open links stand for the next steps.
  const writtenWithFields = wrapUp.topics.some((topic) => Object.keys(topic.fields).length > 0);
  return [
    ...wrapUp.warnings.map(toWarningFinding),
    ...findDuplicates(wrapUp.topics),
    ...wrapUp.topics.flatMap((topic) => findTopicFindings(topic, states, wrapUp.warnings, writtenWithFields)),
  ];
}

/** Parser warnings read `line 120: …`; the line is kept for sorting and linking. */
function toWarningFinding(message: string): Finding {
  const line = /^line (\d+)\b/.exec(message)?.[1];
  return line ? { kind: "parse-warning", message, line: Number(line) } : { kind: "parse-warning", message };
}

function findTopicFindings(topic: Topic, states: ResolvedStates, warnings: string[], writtenWithFields: boolean): Finding[] {
  const at = { topicAnchor: topic.anchor, line: topic.line };
  const findings: Finding[] = [];
  // `Next Steps: N/A` is a decision; a missing section is an omission.
  if (writtenWithFields && topic.nextSteps === null && topic.fields.nextSteps === undefined && !(topic.emptyFields ?? []).includes("nextSteps")) {
    findings.push({ kind: "no-next-steps", message: `${name(topic)} has no "Next Steps" section`, ...at });
  }
  const workLinks = topic.links.filter((l) => linkKey(l) !== null);
  if (topic.nextSteps !== null && workLinks.length === 0) {
    findings.push({ kind: "no-links", message: `${name(topic)} has next steps but links no PR, issue or branch to follow`, ...at });
  }
  for (const field of topic.emptyFields ?? []) {
    // The parser may have said so already, with the field's own line: say it once.
    if (warnings.some((w) => w.includes(`"${FIELD_LABELS[field]}" of topic "${topic.title}"`))) continue;
    findings.push({ kind: "empty-field", message: `${name(topic)}: "${FIELD_LABELS[field]}" is empty`, ...at });
  }
  for (const link of topic.links) {
    const key = linkKey(link);
    if (key === null && (WORK_ITEM_KINDS as readonly string[]).includes(link.kind)) {
      findings.push({ kind: "malformed-link", message: `line ${link.line}: ${link.url} is not a complete link to a PR, issue, branch or commit`, topicAnchor: topic.anchor, line: link.line });
    }
    const state = key ? states.get(key) : undefined;
    if (state && isUnresolvable(state)) {
      findings.push({ kind: "unresolvable-link", message: `line ${link.line}: ${link.url} ${state.status === "forbidden" ? "is not accessible" : "was not found"}`, topicAnchor: topic.anchor, line: link.line });
    }
  }
  return findings;
}

function isUnresolvable(state: LinkState): boolean {
  return state.status === "missing" || state.status === "forbidden";
}

function findDuplicates(topics: Topic[]): Finding[] {
  const first = new Map<string, Topic>();
  const findings: Finding[] = [];
  for (const topic of topics) {
    const norm = topic.title.trim().toLowerCase().replace(/\s+/g, " ");
    const earlier = first.get(norm);
    if (!earlier) {
      first.set(norm, topic);
      continue;
    }
    findings.push({ kind: "duplicate-topic", message: `${name(topic)} repeats the topic at line ${earlier.line}`, topicAnchor: topic.anchor, line: topic.line });
  }
  return findings;
}
