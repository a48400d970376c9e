/**
 * The dashboard issue's hidden marker and its "Start following up" box (pure).
 *
 * The box is a task-list line carrying its own hidden marker, so it is found again even when a
 * person rewords its label; ticking it in GitHub's UI edits the issue body, which is where the
 * sweep reads it (and `issues.edited` tells us at once).
 */

/** Starts the body of the one dashboard issue per repository. */
export const DASHBOARD_MARKER = "<!-- wrapup-tracker:dashboard -->";

const BOX_MARKER = "<!-- wrapup-tracker:start-following-up -->";
const BOX_LABEL = "Start following up";
const BOX_LINE = new RegExp(`^\\s{0,3}[-*+] \\[([ xX])\\] .*${BOX_MARKER}`, "m");
/** A box whose marker was lost in an edit is still recognised by its label. */
const LABEL_LINE = new RegExp(`^\\s{0,3}[-*+] \\[([ xX])\\] \\**${BOX_LABEL}`, "m");

export function hasDashboardMarker(body: unknown): body is string {
  return typeof body === "string" && body.includes(DASHBOARD_MARKER);
}

/** The box line: ticked or not. */
export function renderStartBox(ticked: boolean): string {
  return `- [${ticked ? "x" : " "}] ${BOX_MARKER}**${BOX_LABEL}**`;
}

/** True when ticked, false when unticked, null when the body has no box. */
export function readStartBox(body: string | null | undefined): boolean | null {
  if (!body) return null;
  const found = BOX_LINE.exec(body) ?? LABEL_LINE.exec(body);
  return found ? found[1] !== " " : null;
}
