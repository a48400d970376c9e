/**
 * The hidden marker an item of ours starts with (`<!-- wrapup-tracker:… -->`): what a fresh look-up
 * matches on, exactly. A follow-up's carries its topic key, a reminder's its key and the sweep's
 * time, a reply's the command it answers: equal markers mean the same write. Pure.
 */
const MARKER = /<!-- wrapup-tracker:[^\n]{0,4000}? -->/;

export function markerOf(body: string | null | undefined): string | null {
  return body ? (MARKER.exec(body)?.[0] ?? null) : null;
}
