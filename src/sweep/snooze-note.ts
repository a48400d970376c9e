/**
 * `/snooze <days>` is stored in the follow-up issue itself, as a hidden line at the end of its
 * body, so it survives restarts and is visible to anyone reading the source. Pure.
 */
const SNOOZE_LINE = /\n?<!-- wrapup-tracker:snooze until=(\d{4}-\d{2}-\d{2}T[\d:.]+Z) -->\s*$/;

/** ISO time until which reminders are off, or null. */
export function readSnooze(body: string): string | null {
  return SNOOZE_LINE.exec(body)?.[1] ?? null;
}

/** The body with its snooze line set to `until` (or removed when null). */
export function writeSnooze(body: string, until: string | null): string {
  const bare = body.replace(SNOOZE_LINE, "");
  return until === null ? bare : `${bare}\n<!-- wrapup-tracker:snooze until=${until} -->`;
}

/** The time `days` whole days after `now`, as ISO. */
export function snoozeUntil(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString();
}
