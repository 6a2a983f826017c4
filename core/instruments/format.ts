import type { Problem } from "../model/problem.js";

/**
 * A problem in an instrument file as an editor shows positions:
 * `pitfalls.yaml 12:5: Likelihood's type must be …`. (formatProblem's
 * `sheet!cell` form suits workbooks, not text files.)
 */
export function formatInstrumentProblem(problem: Problem): string {
  const where = problem.cell ? `${problem.sheet} ${problem.cell}` : problem.sheet;
  const severity = problem.severity === "warning" ? "warning: " : "";
  const hint = problem.hint ? ` ${problem.hint}` : "";
  return `${where}: ${severity}${problem.message}.${hint}`;
}
