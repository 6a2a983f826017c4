import { parseCommandArguments } from "./arguments.js";
import type { Command, CommandIo } from "./command.js";
import { errorDetail, EXIT, UserError } from "./command.js";
import { didYouMean } from "./suggest.js";
import { sanitiseForTerminal } from "./terminal.js";
import { packageVersion } from "./version.js";

/**
 * The commands by name. Each command's module (and the libraries it needs:
 * exceljs, docx, Handlebars) loads only when that command runs, so
 * `--version`, `--help` and a mistyped command answer at Node's own start-up
 * cost.
 */
interface CommandEntry {
  name: string;
  /** One line for `partnership --help`. */
  summary: string;
  load: () => Promise<Command>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "workbook",
    summary: "Build a blank or example partnership workbook (.xlsx).",
    load: async () => (await import("./commands/workbook.js")).workbookCommand,
  },
  {
    name: "check",
    summary: "Check a workbook: located problems and a short summary.",
    load: async () => (await import("./commands/check.js")).checkCommand,
  },
  {
    name: "generate",
    summary: "Generate terms of reference or a partnership agreement (Word) from workbooks.",
    load: async () => (await import("./commands/generate.js")).generateCommand,
  },
  {
    name: "report",
    summary: "Write a report for the board (Word): assessment.",
    load: async () => (await import("./commands/report.js")).reportCommand,
  },
  {
    name: "schema",
    summary: "Print the workbook contract: tables, columns, types, allowed values.",
    load: async () => (await import("./commands/schema.js")).schemaCommand,
  },
  {
    name: "returns",
    summary: "Write one assessment return workbook per partner for a round.",
    load: async () => (await import("./commands/returns.js")).returnsCommand,
  },
  {
    name: "collect",
    summary: "Collect partners' returns into the master's current round.",
    load: async () => (await import("./commands/collect.js")).collectCommand,
  },
  {
    name: "round",
    summary: "Close the current assessment round (`round close`): grids into the history.",
    load: async () => (await import("./commands/round.js")).roundCommand,
  },
  {
    name: "demo",
    summary: "Write the example workbook and its documents to out/.",
    load: async () => (await import("./commands/demo.js")).demoCommand,
  },
];

const GLOBAL_OPTIONS = ["--help", "--version"];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "partnership: build, check and document a partnership workbook.",
    "",
    "Usage: partnership <command> [options]",
    "       partnership --version",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `partnership <command> --help` for a command's options.",
    "Exit status: 0 done, 1 problems found or a file not written, 2 unreadable input or bad arguments.",
  ].join("\n");
}

/**
 * The io every command gets: whatever it prints, from whichever workbook
 * cell, reaches the terminal without control characters. The status line is
 * the only thing allowed to move the cursor, and only this function writes
 * those codes.
 */
export function safeIo(io: CommandIo): CommandIo {
  const raw = io.statusLine;
  return {
    ...io,
    stdout: (text) => io.stdout(sanitiseForTerminal(text)),
    stderr: (text) => io.stderr(sanitiseForTerminal(text)),
    statusLine: (text) => {
      const line = text === null ? null : sanitiseForTerminal(text.replace(/\s+/g, " "));
      if (raw) raw(line);
      else if (io.isTTY) io.stderr(`\r\u001b[2K${line ?? ""}`);
    },
  };
}

/** Runs one command with its arguments; every failure becomes words and an exit status. */
export async function runCommand(
  command: Command,
  args: readonly string[],
  io: CommandIo,
): Promise<number> {
  const prefix = `partnership ${command.name}`;
  try {
    const parsed = parseCommandArguments(command, args);
    return await command.run(parsed, io);
  } catch (error) {
    if (error instanceof UserError) {
      const detail = io.debug && error.cause !== undefined ? `\n${errorDetail(error.cause)}` : "";
      io.stderr(`${prefix}: ${error.message}${detail}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: say so plainly; the stack is for a bug report.
    const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    io.stderr(
      `${prefix}: an unexpected error stopped the command (${what}). This is a bug: please report it with the command you ran.` +
        (io.debug
          ? `\n${errorDetail(error)}\n`
          : " Run it again with PARTNERSHIP_DEBUG=1 to see the detail for the report.\n"),
    );
    return EXIT.unexpected;
  }
}

export async function main(argv: readonly string[], given: CommandIo): Promise<number> {
  const io = safeIo(given);
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h") {
    io.stdout(`${overview()}\n`);
    return name ? EXIT.ok : EXIT.unreadable;
  }
  if (name === "--version" || rest.includes("--version")) {
    io.stdout(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (name === "help") {
    const topic = COMMANDS.find((c) => c.name === rest[0]);
    io.stdout(`${topic ? (await topic.load()).help : overview()}\n`);
    return EXIT.ok;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    const known = name.startsWith("-") ? GLOBAL_OPTIONS : COMMANDS.map((c) => c.name);
    const what = name.startsWith("-") ? "option" : "command";
    io.stderr(
      `partnership: unknown ${what} "${name}".${didYouMean(name, known)} Run \`partnership --help\` for the commands.\n`,
    );
    return EXIT.unreadable;
  }
  const command = await entry.load();
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.help}\n`);
    return EXIT.ok;
  }
  return runCommand(command, rest, io);
}

export function processIo(): CommandIo {
  // A reader that stops early (`partnership schema | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const debug = process.env.PARTNERSHIP_DEBUG;
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
    debug: debug !== undefined && debug !== "" && debug !== "0",
  };
}
