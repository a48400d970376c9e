import type { WrapUpReport } from "../progress/types.js";
import { EXIT_FAILURE, EXIT_OK, type CliIo } from "./io.js";

/**
 * The exit of a command that judged links: 0 when every link was checked; else one line on stderr
 * naming how many could not be checked and why (the first one's reason), and exit 1 — "could not
 * check" must never pass for "nothing to follow".
 */
export function failIfUnchecked(io: CliIo, command: string, reports: WrapUpReport[]): number {
  const unchecked = reports.flatMap((r) => r.topics.flatMap((t) => t.judgement.links.filter((l) => l.verdict === "unchecked")));
  if (unchecked.length === 0) return EXIT_OK;
  const topics = reports.reduce((sum, r) => sum + r.topics.filter((t) => t.judgement.links.some((l) => l.verdict === "unchecked")).length, 0);
  io.err(`wrapup-tracker ${command}: ${unchecked.length} link(s) in ${topics} topic(s) could not be checked: ${unchecked[0]!.reason}`);
  return EXIT_FAILURE;
}
