/**
 * Our bodies say when they were checked (`2026-11-21 15:04 UTC`). A new time alone is no reason
 * to edit a comment or issue, so writes compare bodies with those times blanked out.
 */
const CHECK_TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/g;

export function comparableBody(body: string): string {
  return body.replace(CHECK_TIME, "<time>").replace(/\r\n/g, "\n").trimEnd();
}

export function sameBody(a: string, b: string): boolean {
  return comparableBody(a) === comparableBody(b);
}
