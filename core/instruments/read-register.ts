/** The `register` kind of instrument: typed columns and the rows it starts with. */
import { isMap, isScalar, type Node } from "yaml";
import { formulaShapeProblems, normaliseFormula, rowReferences } from "./formula.js";
import type {
  Instrument,
  RegisterColumn,
  RegisterColumnType,
  RegisterInstrument,
} from "./types.js";
import { closest, describe, Fields, FileProblems, scalarText } from "./yaml-fields.js";

type Base = Pick<Instrument, "id" | "title" | "sheet" | "source" | "instructions">;

const COLUMN_TYPES: readonly RegisterColumnType[] = ["text", "number", "date", "choice", "formula"];

/** Default column widths in characters, by type, when a column gives none. */
const DEFAULT_WIDTH: Record<RegisterColumnType, number> = {
  text: 30,
  number: 12,
  date: 12,
  choice: 14,
  formula: 12,
};

const HEADER_FORBIDDEN = /[[\]#']/;

export function readRegister(
  problems: FileProblems,
  fields: Fields,
  base: Base,
): RegisterInstrument | null {
  const columns = readColumns(problems, fields);
  if (!columns) {
    fields.list("rows", "", false); // still reports a misshapen rows field
    return null;
  }
  const rows = readRows(problems, fields, columns);
  if (!rows) return null;
  return { ...base, kind: "register", columns, rows };
}

/** A number column's optional `min` and `max` (both or neither); undefined after a problem. */
function readRange(
  problems: FileProblems,
  fields: Fields,
  type: RegisterColumnType | undefined,
): RegisterColumn["range"] | undefined {
  const hasMin = fields.has("min");
  const hasMax = fields.has("max");
  if (!hasMin && !hasMax) return null;
  // An unknown type has been reported already; a range on it adds nothing.
  if (type === undefined) return null;
  if (type !== "number") {
    problems.error(
      fields.where(hasMin ? "min" : "max"),
      `${fields.subject(hasMin ? "min" : "max")} applies only to number columns`,
    );
    return undefined;
  }
  const min = fields.number("min", "1", true);
  const max = fields.number("max", "5", true);
  if (min === null || max === null) return undefined;
  if (!Number.isInteger(min) || !Number.isInteger(max) || min >= max) {
    problems.error(
      fields.where("max"),
      `${fields.subject("min")} and max must be whole numbers with min below max, got ${min} and ${max}`,
    );
    return undefined;
  }
  return { min, max };
}

function readColumns(problems: FileProblems, parent: Fields): RegisterColumn[] | null {
  const items = parent.list("columns", "(a list of columns)");
  if (!items) return null;
  const columns: RegisterColumn[] = [];
  const formulaAt = new Map<RegisterColumn, Node>();
  const headers = new Map<string, string>();
  let ok = true;
  items.forEach((item, i) => {
    const allowed = ["header", "type", "options", "formula", "width", "min", "max"];
    const fields = Fields.of(problems, item, `column ${i + 1}`, allowed, item);
    if (!fields) return void (ok = false);
    const header = fields.text("header", "Risk");
    if (header !== null) {
      fields.rename(header);
      if (HEADER_FORBIDDEN.test(header)) {
        problems.error(
          fields.where("header"),
          `column header "${header}" must not contain [ ] # or '`,
          "Excel formulas cannot refer to such a column simply.",
        );
        ok = false;
      }
      const first = headers.get(header.toLowerCase());
      if (first) {
        problems.error(
          fields.where("header"),
          `column "${header}" appears twice (first at ${first})`,
        );
        ok = false;
      } else headers.set(header.toLowerCase(), problems.at(fields.where("header")));
    }
    const typeText = fields.text("type", "text");
    const type = COLUMN_TYPES.find((t) => t === typeText?.toLowerCase());
    if (typeText !== null && !type) {
      const guess = closest(typeText, COLUMN_TYPES);
      problems.error(
        fields.where("type"),
        `${fields.subject("type")} must be one of ${COLUMN_TYPES.join(", ")}, got "${typeText}"`,
        guess ? `Did you mean "${guess}"?` : undefined,
      );
    }
    const options = readOptions(problems, fields, type);
    const formula = readFormulaText(problems, fields, type);
    const width = fields.number("width", "20", false);
    if (width !== null && (width < 1 || width > 255)) {
      problems.error(
        fields.where("width"),
        `${fields.subject("width")} must be from 1 to 255, got ${width}`,
      );
      ok = false;
    }
    const range = readRange(problems, fields, type);
    if (header === null || !type || options === null || formula === null || range === undefined) {
      return void (ok = false);
    }
    const column: RegisterColumn = {
      header,
      type,
      options,
      formula,
      width: width ?? DEFAULT_WIDTH[type],
      range,
    };
    if (type === "formula") formulaAt.set(column, fields.where("formula"));
    columns.push(column);
  });
  if (!ok) return null;
  if (columns.every((c) => c.type === "formula")) {
    problems.error(
      parent.where("columns"),
      "a register needs at least one column that is not a formula",
    );
    return null;
  }
  // References are checked once every header is known, so order does not matter.
  for (const [column, where] of formulaAt) {
    for (const name of rowReferences(column.formula)) {
      if (name === column.header) {
        problems.error(where, `${column.header}'s formula refers to its own column`);
        ok = false;
      } else if (!columns.some((c) => c.header === name)) {
        const guess = closest(
          name,
          columns.map((c) => c.header),
        );
        problems.error(
          where,
          `${column.header}'s formula refers to a column "${name}" that this register does not have`,
          guess ? `Did you mean [@${guess.includes(" ") ? `[${guess}]` : guess}]?` : undefined,
        );
        ok = false;
      }
    }
  }
  return ok ? columns : null;
}

function readOptions(
  problems: FileProblems,
  fields: Fields,
  type: RegisterColumnType | undefined,
): string[] | null {
  if (type !== "choice") {
    if (fields.has("options")) {
      problems.error(
        fields.where("options"),
        `${fields.subject("options")} apply only to choice columns`,
      );
      return null;
    }
    return [];
  }
  const items = fields.list("options", "[High, Medium, Low]");
  if (!items) return null;
  const options: string[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (!text) {
      problems.error(
        item,
        `each of ${fields.subject("options")} must be text, got ${describe(item)}`,
      );
      return null;
    }
    if (options.includes(text)) {
      problems.error(item, `${fields.subject("options")} list "${text}" twice`);
      return null;
    }
    options.push(text);
  }
  return options;
}

function readFormulaText(
  problems: FileProblems,
  fields: Fields,
  type: RegisterColumnType | undefined,
): string | null {
  if (type !== "formula") {
    if (fields.has("formula")) {
      problems.error(
        fields.where("formula"),
        `${fields.subject("formula")} applies only to formula columns`,
        'Set "type: formula", or remove the formula.',
      );
      return null;
    }
    return "";
  }
  const text = fields.text("formula", '"[@Likelihood]*[@Impact]"');
  if (text === null) return null;
  const formula = normaliseFormula(text);
  const shape = formulaShapeProblems(formula);
  for (const problem of shape) {
    problems.error(fields.where("formula"), `${fields.subject("formula")} ${problem}`);
  }
  if (formula === "") {
    problems.error(fields.where("formula"), `${fields.subject("formula")} is empty`);
    return null;
  }
  return shape.length === 0 ? formula : null;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

function readRows(
  problems: FileProblems,
  parent: Fields,
  columns: RegisterColumn[],
): Record<string, string | number | null>[] | null {
  const items = parent.list("rows", "", false) ?? [];
  const rows: Record<string, string | number | null>[] = [];
  const inputs = columns.filter((c) => c.type !== "formula");
  let ok = true;
  items.forEach((item, i) => {
    if (!isMap(item)) {
      problems.error(item, `row ${i + 1} must be lines of "Column: value", got ${describe(item)}`);
      return void (ok = false);
    }
    const row: Record<string, string | number | null> = {};
    for (const column of inputs) row[column.header] = null;
    let filled = 0;
    for (const pair of item.items) {
      const keyNode = pair.key as Node;
      const header = scalarText(keyNode) ?? "";
      const valueNode = (pair.value as Node | null) ?? null;
      const column = columns.find((c) => c.header === header);
      if (!column) {
        const guess = closest(
          header,
          inputs.map((c) => c.header),
        );
        problems.error(
          keyNode,
          `row ${i + 1} has a value for "${header}", which is not one of the columns`,
          guess
            ? `Did you mean "${guess}"?`
            : `The columns are: ${inputs.map((c) => c.header).join(", ")}.`,
        );
        ok = false;
        continue;
      }
      if (column.type === "formula") {
        problems.error(
          keyNode,
          `row ${i + 1} gives a value for "${header}", which its formula works out`,
          "Leave formula columns out of rows.",
        );
        ok = false;
        continue;
      }
      const value = readCell(problems, valueNode ?? keyNode, valueNode, column, i + 1);
      if (value === undefined) {
        ok = false;
        continue;
      }
      row[header] = value;
      if (value !== null) filled++;
    }
    if (filled === 0) {
      problems.error(
        item,
        `row ${i + 1} has no values`,
        "Fill in at least one column or remove the row.",
      );
      ok = false;
    }
    rows.push(row);
  });
  return ok ? rows : null;
}

/** A cell's value for its column type; undefined after reporting a problem. */
function readCell(
  problems: FileProblems,
  where: Node,
  node: Node | null,
  column: RegisterColumn,
  rowNumber: number,
): string | number | null | undefined {
  if (node === null || (isScalar(node) && (node.value === null || node.value === ""))) return null;
  const subject = `row ${rowNumber}'s ${column.header}`;
  if (!isScalar(node)) {
    problems.error(where, `${subject} must be a single value, got ${describe(node)}`);
    return undefined;
  }
  const value = node.value;
  switch (column.type) {
    case "number":
      if (typeof value === "number" && Number.isFinite(value)) {
        if (!column.range || (value >= column.range.min && value <= column.range.max)) return value;
        problems.error(
          where,
          `${subject} must be from ${column.range.min} to ${column.range.max}, got ${value}`,
        );
        return undefined;
      }
      problems.error(where, `${subject} must be a number, got ${describe(node)}`);
      return undefined;
    case "date": {
      const text = scalarText(node) ?? "";
      if (isIsoDate(text)) return text;
      problems.error(
        where,
        `${subject} must be a date written year-month-day, such as 2025-03-31, got ${describe(node)}`,
      );
      return undefined;
    }
    case "choice": {
      const text = scalarText(node) ?? "";
      if (column.options.includes(text)) return text;
      problems.error(
        where,
        `${subject} must be one of ${column.options.join(", ")}, got ${describe(node)}`,
      );
      return undefined;
    }
    default: {
      const text = scalarText(node);
      if (text !== null) return text;
      problems.error(where, `${subject} must be text, got ${describe(node)}`);
      return undefined;
    }
  }
}
