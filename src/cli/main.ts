import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, oneLine, processIo, type CliIo } from "./io.js";
import { readPackageVersion } from "./version.js";

type Command = (args: string[], io: CliIo) => Promise<number>;

/** Each command lives in its own module, loaded only when asked for. */
const commands: Record<string, { summary: string; load: () => Promise<Command> }> = {
  scan: {
    summary: "list the markdown files of a checkout the app would track as wrap-ups, and why",
    load: async () => (await import("./scan-command.js")).runScanCommand,
  },
  parse: {
    summary: "parse wrap-up files and list their topics, next steps and links",
    load: async () => (await import("./parse-command.js")).runParseCommand,
  },
  resolve: {
    summary: "ask GitHub for the live state of every linked PR, issue, branch and commit",
    load: async () => (await import("./resolve-command.js")).runResolveCommand,
  },
  report: {
    summary: "judge each topic (done, active, stalled, untracked, no plan) and print the PR comment",
    load: async () => (await import("./report-command.js")).runReportCommand,
  },
  sweep: {
    summary: "find stalled topics in a repository and open or update follow-up issues",
    load: async () => (await import("./sweep-command.js")).runSweepCommand,
  },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return [
    "Usage: wrapup-tracker <command> [options]",
    "",
    "Commands:",
    ...lines,
    "",
    "Run `wrapup-tracker <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  if (name === "--version" || name === "-v") return (io.out(readPackageVersion()), EXIT_OK);
  const command = commands[name];
  if (!command) {
    io.err(`wrapup-tracker: unknown command "${name}" (see \`wrapup-tracker --help\`)`);
    return EXIT_USAGE;
  }
  try {
    return await (await command.load())(rest, io);
  } catch (error) {
    // Whatever a command did not expect still ends as one line, never a stack trace.
    io.err(`wrapup-tracker ${name}: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return EXIT_FAILURE;
  }
}
