import type { ParseArgsConfig } from "node:util";

/**
 * Where a command talks to; tests pass their own to capture output. The
 * command line wraps whatever it is given (see `safeIo` in cli.ts) so that
 * every line printed is stripped of terminal controls, whoever wrote it.
 */
export interface CommandIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** True when stderr is a terminal, so progress bars may redraw in place. */
  isTTY: boolean;
  cwd: string;
  /**
   * Redraws the one status line at the bottom of a terminal (null clears it).
   * The io adds the control codes itself, so the text stays plain.
   */
  statusLine?: (text: string | null) => void;
  /** Print the stack of an unexpected error (PARTNERSHIP_DEBUG=1). */
  debug?: boolean;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Command {
  name: string;
  /** The full `--help` text: usage line, options, examples. */
  help: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** Resolves to the process exit code. Expected failures are reported through io, never thrown. */
  run(args: { values: OptionValues; positionals: string[] }, io: CommandIo): Promise<number>;
}

/** Exit statuses, the same for every command (README: "Exit status and safety"). */
export const EXIT = {
  ok: 0,
  /** Problems found, a document refused, or an output that could not be written. */
  problems: 1,
  /** Input that cannot be read, or bad arguments. */
  unreadable: 2,
  /** A bug: an error nobody foresaw. */
  unexpected: 70,
} as const;

/** A failure the user can fix; the CLI prints its message without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.problems,
    /** The error behind it, shown only with PARTNERSHIP_DEBUG=1. */
    cause?: unknown,
  ) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "UserError";
  }
}

/** An error's stack for a bug report, followed through its causes. */
export function errorDetail(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const own = error.stack ?? `${error.name}: ${error.message}`;
  return error.cause === undefined ? own : `${own}\nCaused by: ${errorDetail(error.cause)}`;
}
