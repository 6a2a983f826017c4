import type { ParseArgsConfig } from "node:util";

/** Where a command talks to; tests pass their own to capture output. */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal, so progress bars may redraw in place. */
  isTTY: boolean;
  cwd: string;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  /** One line for `partnership --help`. */
  summary: string;
  /** The full `--help` text: usage line, options, examples. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Resolves to the process exit code. Expected failures are reported through io, never thrown. */
  run(args: { values: OptionValues; positionals: string[] }, io: CommandIo): Promise<number>;
}

/** A failure the user can fix; the CLI prints its message without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "UserError";
  }
}
