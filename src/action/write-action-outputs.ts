import { appendFileSync } from "node:fs";

/**
 * Sets step outputs the way the runner reads them: `name=value` lines appended to the file
 * GITHUB_OUTPUT names. Values are single-line numbers here, so no heredoc delimiter is needed.
 * Outside a runner (no GITHUB_OUTPUT) there is nowhere to put them, and nothing is written.
 */
export function writeActionOutputs(outputs: Record<string, string | number>, env: Record<string, string | undefined>): void {
  const file = env.GITHUB_OUTPUT;
  if (!file) return;
  const lines = Object.entries(outputs).map(([name, value]) => `${name}=${String(value).replace(/[\r\n]+/g, " ")}\n`);
  appendFileSync(file, lines.join(""));
}
