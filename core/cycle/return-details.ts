/**
 * The identity a return records inside itself (hidden sheet), read back with
 * the cell each value came from, for located messages.
 */
import type { Problem } from "../model/problem.js";
import { sheetOf, valueAt, type ReturnCells } from "./return-cells.js";
import {
  DETAIL_KEYS,
  DETAILS_SHEET,
  RETURN_FORMAT,
  detailCell,
  type DetailKey,
} from "./return-form.js";

export interface ReturnDetails {
  partnership: string;
  partner: string;
  round: string;
  anonymous: boolean;
  instrumentIds: string[];
  statementsHash: string;
}

/** The problem's sheet names the file too: "ccg.xlsx: Return details". */
export function returnProblem(
  file: string,
  sheet: string,
  cell: string,
  message: string,
  hint?: string,
  severity: Problem["severity"] = "error",
): Problem {
  return {
    severity,
    sheet: sheet ? `${file}: ${sheet}` : file,
    cell,
    message,
    ...(hint ? { hint } : {}),
  };
}

export function detailProblem(
  file: string,
  key: DetailKey,
  message: string,
  hint?: string,
): Problem {
  return returnProblem(file, DETAILS_SHEET, detailCell(key), message, hint);
}

/** The return's identity, or a problem saying the file is not a return this tool made. */
export function readReturnDetails(cells: ReturnCells): ReturnDetails | Problem {
  const sheet = sheetOf(cells, DETAILS_SHEET);
  const notAReturn = returnProblem(
    cells.file,
    DETAILS_SHEET,
    "",
    "This file is not a partnership return: it has no readable return details (made by `partnership returns`)",
    "Collect only the files `partnership returns` wrote (renaming them is fine); copy a partner's scores into a fresh return if theirs was rebuilt.",
  );
  if (!sheet) return notAReturn;
  const values = {} as Record<DetailKey, string>;
  DETAIL_KEYS.forEach((key, i) => {
    const value = valueAt(sheet, i + 2, 2);
    values[key] = value === null || typeof value === "object" ? "" : String(value).trim();
  });
  if (values.Format !== RETURN_FORMAT) return notAReturn;
  return {
    partnership: values.Partnership,
    partner: values.Partner,
    round: values.Round,
    anonymous: values.Anonymous === "Yes",
    instrumentIds: values.Instruments.split(",").filter((id) => id !== ""),
    statementsHash: values["Statements hash"],
  };
}
