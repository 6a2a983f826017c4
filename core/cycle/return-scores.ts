/**
 * One return's scores and comments, checked cell by cell against the
 * statements the master's instruments hold today: scores outside the scale,
 * text in a score cell, and edited statements are located problems.
 */
import type { GridInstrument } from "../instruments/types.js";
import { cellAddress } from "../layout/address.js";
import type { Problem } from "../model/problem.js";
import { isCellError, type CellValue } from "../read/cells.js";
import { sheetOf, valueAt, type ReturnCells } from "./return-cells.js";
import { detailProblem, returnProblem, type ReturnDetails } from "./return-details.js";
import { RETURN_GRID, returnInstrument, statementsHash } from "./return-form.js";

export interface ReturnedScore {
  instrumentId: string;
  section: string;
  statement: string;
  score: number | null;
  comment: string;
  /** Where it was read, for conflicts: "Audit Commission!C9". */
  sheet: string;
  cell: string;
}

const shown = (value: CellValue): string =>
  typeof value === "string"
    ? `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`
    : String(value);

function scoreOf(
  value: CellValue,
  instrument: GridInstrument,
  where: { file: string; sheet: string; cell: string },
  problems: Problem[],
): number | null {
  if (value === null || (typeof value === "string" && value.trim() === "")) return null;
  const { min, max } = instrument.scale;
  const range = `a whole number from ${min} to ${max}`;
  const hint = "Pick a score from the cell's dropdown, or leave it blank; then collect again.";
  const bad = (message: string) => {
    problems.push(returnProblem(where.file, where.sheet, where.cell, message, hint));
    return null;
  };
  if (isCellError(value)) return bad(`The score holds the error ${value.error}`);
  let score: number;
  if (typeof value === "number") score = value;
  else if (typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    score = Number(value);
    problems.push(
      returnProblem(
        where.file,
        where.sheet,
        where.cell,
        `The score is a number stored as text (${shown(value)}); read as ${score}`,
        undefined,
        "warning",
      ),
    );
  } else return bad(`The score must be ${range}, got text ${shown(value)}`);
  if (!Number.isInteger(score) || score < min || score > max)
    return bad(`The score must be ${range}, got ${score}`);
  return score;
}

const textOf = (value: CellValue): string =>
  value === null || typeof value === "object" ? "" : String(value).trim();

/** The return's scores, with problems for every cell that cannot be taken as it is. */
export function returnScores(
  cells: ReturnCells,
  details: ReturnDetails,
  instruments: ReadonlyMap<string, GridInstrument>,
  problems: Problem[],
): ReturnedScore[] {
  const scores: ReturnedScore[] = [];
  const file = cells.file;
  const known: GridInstrument[] = [];
  for (const id of details.instrumentIds) {
    const instrument = instruments.get(id);
    if (!instrument) {
      problems.push(
        detailProblem(
          file,
          "Instruments",
          `The return scores the instrument "${id}", which the master has no grid for`,
          "Add the instrument's grid to the master, or make the returns again.",
        ),
      );
      continue;
    }
    known.push(instrument);
  }
  const before = problems.length;
  for (const instrument of known) {
    const form = returnInstrument(instrument);
    const sheet = sheetOf(cells, form.sheet);
    if (!sheet) {
      problems.push(
        returnProblem(
          file,
          form.sheet,
          "",
          `The sheet "${form.sheet}" is missing from the return`,
          "Send the partner a fresh return.",
        ),
      );
      continue;
    }
    form.statements.forEach((expected, i) => {
      const row = RETURN_GRID.firstRow + i;
      const statement = textOf(valueAt(sheet, row, RETURN_GRID.statement));
      const section = textOf(valueAt(sheet, row, RETURN_GRID.section));
      if (statement !== expected.statement.trim() || section !== expected.section.trim()) {
        const changed =
          statement !== expected.statement.trim() ? RETURN_GRID.statement : RETURN_GRID.section;
        const was = changed === RETURN_GRID.statement ? expected.statement : expected.section;
        problems.push(
          returnProblem(
            file,
            form.sheet,
            cellAddress(row, changed),
            `The statement was edited: the master has ${shown(was)} here, the return ${shown(changed === RETURN_GRID.statement ? statement : section)}`,
            "Scores are only taken against the statements as sent; send the partner a fresh return.",
          ),
        );
        return;
      }
      const cell = cellAddress(row, RETURN_GRID.score);
      const score = scoreOf(
        valueAt(sheet, row, RETURN_GRID.score),
        instrument,
        { file, sheet: form.sheet, cell },
        problems,
      );
      const comment = textOf(valueAt(sheet, row, RETURN_GRID.comment));
      scores.push({
        instrumentId: instrument.id,
        ...expected,
        score,
        comment,
        sheet: form.sheet,
        cell,
      });
    });
  }
  const statementsEdited = problems
    .slice(before)
    .some((p) => p.message.startsWith("The statement was edited"));
  if (!statementsEdited && known.length === details.instrumentIds.length) {
    if (statementsHash(known.map(returnInstrument)) !== details.statementsHash) {
      problems.push(
        detailProblem(
          file,
          "Statements hash",
          "The return's record of its statements does not match what it holds or what the master holds now",
          "Send the partner a fresh return made from the master as it is now.",
        ),
      );
    }
  }
  return scores;
}
