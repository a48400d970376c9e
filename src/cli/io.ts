/** What a CLI command may touch: injected so commands are testable without a real process. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /**
   * A transient status line for long runs ("read 300 of 1,078 files…"), only when stderr is a
   * terminal: it is redrawn in place and erased with `progress(null)`. Absent: no progress.
   */
  progress?: (text: string | null) => void;
  env: Record<string, string | undefined>;
  cwd: string;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
/** Bad usage, missing credentials, or an unreadable input file. */
export const EXIT_USAGE = 2;

/**
 * The one way every command reports a usage error: one line naming the command and the problem,
 * pointing to its help, exit code 2. Never the whole help text, never a stack trace.
 */
export function usageError(io: CliIo, command: string, message: string): number {
  io.err(`wrapup-tracker ${command}: ${oneLine(message)} (see \`wrapup-tracker ${command} --help\`)`);
  return EXIT_USAGE;
}

/** Any failure as one line: the first line of its message. */
export function oneLine(message: string): string {
  return message.split("\n").find((line) => line.trim() !== "")?.trim() ?? "unknown error";
}

export function processIo(): CliIo {
  // `wrapup-tracker parse … | head` closes the pipe early: that is the reader being done, not a failure.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT_OK);
    throw error;
  });
  return {
    out: (text) => process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
    env: process.env,
    cwd: process.cwd(),
    ...(process.stderr.isTTY ? { progress: terminalProgress() } : {}),
  };
}

/** Redraws one stderr line in place; `null` erases it. */
function terminalProgress(): (text: string | null) => void {
  let shown = false;
  return (text) => {
    if (text === null) {
      if (shown) process.stderr.write("\r\x1b[2K");
      shown = false;
      return;
    }
    process.stderr.write(`\r\x1b[2K${text.slice(0, (process.stderr.columns || 80) - 1)}`);
    shown = true;
  };
}
