/**
 * A problem found in a workbook, a template or an instrument, located so a
 * user can go straight to it. Problems stay values until the edge of the
 * program, where the command line or the task pane turns them into words.
 */
export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Sheet name, or a file name for templates and instruments. */
  sheet: string;
  /** A1 address ("J7"), "line:column" for files, or "" when the whole sheet/file is meant. */
  cell: string;
  message: string;
  /** What to do about it, when that is not obvious from the message. */
  hint?: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.cell ? `${problem.sheet}!${problem.cell}` : problem.sheet;
  const hint = problem.hint ? ` ${problem.hint}` : "";
  return `${where}: ${problem.message}.${hint}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
