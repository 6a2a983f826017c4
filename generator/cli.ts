import { parseArgs } from "node:util";
import type { Command, CommandIo } from "./command.js";
import { UserError } from "./command.js";
import { checkCommand } from "./commands/check.js";
import { demoCommand } from "./commands/demo.js";
import { generateCommand } from "./commands/generate.js";
import { schemaCommand } from "./commands/schema.js";
import { workbookCommand } from "./commands/workbook.js";

export const COMMANDS: readonly Command[] = [
  workbookCommand,
  checkCommand,
  generateCommand,
  schemaCommand,
  demoCommand,
];

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "partnership: build, check and document a partnership workbook.",
    "",
    "Usage: partnership <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run `partnership <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: readonly string[], io: CommandIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(`${overview()}\n`);
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`partnership: unknown command "${name}".\n\n${overview()}\n`);
    return 2;
  }
  if (rest.includes("--help") || rest.includes("-h")) {
    io.stdout(`${command.help}\n`);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: [...rest],
      options: command.options,
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    io.stderr(
      `partnership ${name}: ${error instanceof Error ? error.message : String(error)}\n\n${command.help}\n`,
    );
    return 2;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof UserError) {
      io.stderr(`partnership ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    // A bug, not bad input: say so plainly, keep the detail for a report.
    io.stderr(
      `partnership ${name}: an unexpected error stopped the command. Please report it with this detail:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return 70;
  }
}

export function processIo(): CommandIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stderr.isTTY),
    cwd: process.cwd(),
  };
}
