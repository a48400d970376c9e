import type { Finding } from "../progress/types.js";
import type { WrapUp } from "../wrapup/types.js";

/**
 * For a file someone chose (by `paths` globs, or by naming it) that does not read like a wrap-up: it is
 * judged all the same, and the first finding says what it reads like, e.g. "matched `paths` but reads
 * like release notes: title …". Null for wrap-ups.
 */
export function notAWrapUpFinding(wrapUp: WrapUp, chosenBy: string): Finding | null {
  if (wrapUp.kind === "wrap-up") return null;
  const reason = wrapUp.why.replace(/^(not a wrap-up|retelling):\s*/, "");
  const reads =
    wrapUp.kind === "retelling"
      ? `is a retelling: ${reason}`
      : reason.startsWith("reads like")
        ? reason
        : `does not read like a wrap-up: ${reason}`;
  return { kind: "not-a-wrap-up", message: `${chosenBy} but ${reads}` };
}
