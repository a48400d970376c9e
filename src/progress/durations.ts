/** Time arithmetic for the progress rules: UTC only, `now` always passed in. */

export const DAY_MS = 86_400_000;

/** Milliseconds from `from` to `now`; NaN when `from` is not a date. */
export function elapsedMs(from: string | Date, now: Date): number {
  const start = typeof from === "string" ? Date.parse(from) : from.getTime();
  return now.getTime() - start;
}

/** Whole days from `from` to `now` (floored; negative for the future). */
export function elapsedDays(from: string | Date, now: Date): number {
  return Math.floor(elapsedMs(from, now) / DAY_MS);
}

/** True when more than `days` full days separate `from` and `now`. */
export function isOlderThanDays(from: string | Date, now: Date, days: number): boolean {
  return elapsedMs(from, now) > days * DAY_MS;
}

/** `from` plus whole days, as an ISO time. */
export function addDays(from: string | Date, days: number): string {
  const start = typeof from === "string" ? Date.parse(from) : from.getTime();
  return new Date(start + days * DAY_MS).toISOString();
}

/** `2026-11-21` from any ISO time. */
export function toIsoDate(time: string | Date): string {
  return (typeof time === "string" ? new Date(time) : time).toISOString().slice(0, 10);
}

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

/**
 * A span as people say it: `less than an hour`, `5 hours`, `1 day`, `74 days`, `11 months`, `2 years`.
 * Days stay days up to 90 so thresholds like "no activity for 31 days" read exactly.
 */
export function formatDuration(ms: number): string {
  const span = Math.max(0, ms);
  const hours = Math.floor(span / 3_600_000);
  if (hours < 1) return "less than an hour";
  if (hours < 24) return plural(hours, "hour");
  const days = Math.floor(span / DAY_MS);
  if (days <= 90) return plural(days, "day");
  const months = Math.floor(days / 30.44);
  if (months < 12) return plural(months, "month");
  const years = Math.floor(days / 365.25);
  return plural(years, "year");
}

/** `74 days ago`; a time in the future (clock skew) reads `just now`. */
export function formatAgo(from: string | Date, now: Date): string {
  const ms = elapsedMs(from, now);
  if (Number.isNaN(ms)) return "at an unknown time";
  if (ms < 3_600_000) return "just now";
  return `${formatDuration(ms)} ago`;
}
