import type { WrapUp } from "../wrapup/types.js";
import type { ResolvedStates } from "../github/types.js";
import { emptyVerdictCounts, type TopicVerdict, type WrapUpReport } from "./types.js";
import { judgeTopic } from "./judge-topic.js";
import { findFindings } from "./find-findings.js";
import { findStatusMismatches } from "./find-status-mismatches.js";

export interface JudgeWrapUpOptions {
  now: Date;
  staleAfterDays: number;
  graceDays: number;
  /** Fallback event date (e.g. the file's first commit) when the document states none. */
  eventDate?: string | null;
}

/** Judges every topic of one wrap-up and collects findings about the document. Pure. */
export function judgeWrapUp(wrapUp: WrapUp, states: ResolvedStates, options: JudgeWrapUpOptions): WrapUpReport {
  const eventDate = wrapUp.date ?? options.eventDate ?? null;
  const topics = wrapUp.topics.map((topic) => ({ topic, judgement: judgeTopic(topic, states, { ...options, eventDate }) }));
  const counts: Record<TopicVerdict, number> = emptyVerdictCounts();
  for (const { judgement } of topics) counts[judgement.verdict] += 1;
  const findings = [...findFindings(wrapUp, states), ...findStatusMismatches(topics)];
  return { path: wrapUp.path, title: wrapUp.title, date: eventDate, topics, findings, counts };
}
