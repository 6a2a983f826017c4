/**
 * Turns `templates/instruments/*.yaml` into instruments, checking every field
 * and reporting each problem at its line and column in words a non-developer
 * can act on. Pure: the caller reads the files.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { Problem } from "../model/problem.js";
import { formulaShapeProblems, normaliseFormula, rowReferences } from "./formula.js";
import type {
  Band,
  GridInstrument,
  Instrument,
  RegisterColumn,
  RegisterColumnType,
  RegisterInstrument,
  Scale,
  Section,
  Statement,
} from "./types.js";
import { closest, describe, Fields, FileProblems, scalarText } from "./yaml-fields.js";

const KINDS = ["grid", "register"] as const;
const COMMON_KEYS = ["order", "id", "title", "sheet", "source", "instructions", "kind"];
const GRID_KEYS = ["scale", "sections", "bands", "disagreement_spread"];
const REGISTER_KEYS = ["columns", "rows"];
const COLUMN_TYPES: readonly RegisterColumnType[] = ["text", "number", "date", "choice", "formula"];

/** Default column widths in characters, by type, when a column gives none. */
const DEFAULT_WIDTH: Record<RegisterColumnType, number> = {
  text: 30,
  number: 12,
  date: 12,
  choice: 14,
  formula: 12,
};

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;
const HEADER_FORBIDDEN = /[[\]#']/;

export interface InstrumentFile {
  name: string;
  text: string;
}

/** One file's result, with what parseInstruments needs to order and de-duplicate. */
interface FileResult {
  instrument: Instrument | null;
  problems: Problem[];
  order: number | null;
  idAt: string;
  sheetAt: string;
}

export function parseInstrument(
  fileName: string,
  yamlText: string,
): { instrument: Instrument | null; problems: Problem[] } {
  const { instrument, problems } = readInstrumentFile(fileName, yamlText);
  return { instrument, problems };
}

/**
 * Parses every file, rejects instruments whose id or sheet another file
 * already uses, and returns the rest in a stable order: by `order`, then id.
 */
export function parseInstruments(files: readonly InstrumentFile[]): {
  instruments: Instrument[];
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const kept: { instrument: Instrument; order: number | null }[] = [];
  const ids = new Map<string, string>();
  const sheets = new Map<string, string>();
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const file of sorted) {
    const result = readInstrumentFile(file.name, file.text);
    problems.push(...result.problems);
    const instrument = result.instrument;
    if (!instrument) continue;
    // Excel compares table and sheet names without regard to case.
    const idKey = instrument.id.toLowerCase();
    const sheetKey = instrument.sheet.toLowerCase();
    const idOwner = ids.get(idKey);
    const sheetOwner = sheets.get(sheetKey);
    if (idOwner !== undefined) {
      problems.push({
        severity: "error",
        sheet: file.name,
        cell: result.idAt,
        message: `id "${instrument.id}" is already used by ${idOwner}`,
        hint: "Each instrument needs its own id.",
      });
    }
    if (sheetOwner !== undefined) {
      problems.push({
        severity: "error",
        sheet: file.name,
        cell: result.sheetAt,
        message: `sheet "${instrument.sheet}" is already used by ${sheetOwner}`,
        hint: "Each instrument needs its own worksheet name.",
      });
    }
    if (idOwner !== undefined || sheetOwner !== undefined) continue;
    ids.set(idKey, file.name);
    sheets.set(sheetKey, file.name);
    kept.push({ instrument, order: result.order });
  }
  kept.sort((a, b) => {
    const orderA = a.order ?? Infinity;
    const orderB = b.order ?? Infinity;
    if (orderA !== orderB) return orderA < orderB ? -1 : 1;
    return a.instrument.id < b.instrument.id ? -1 : a.instrument.id > b.instrument.id ? 1 : 0;
  });
  return { instruments: kept.map((k) => k.instrument), problems };
}

function readInstrumentFile(fileName: string, yamlText: string): FileResult {
  const lines = new LineCounter();
  const problems = new FileProblems(fileName, lines);
  const result: FileResult = {
    instrument: null,
    problems: problems.list,
    order: null,
    idAt: "",
    sheetAt: "",
  };
  const doc = parseDocument(yamlText, {
    lineCounter: lines,
    prettyErrors: false,
    uniqueKeys: true,
  });
  // Only the first syntax error: later ones are usually knock-on effects of it.
  const syntax = doc.errors[0];
  if (syntax) {
    problems.error(
      syntax.pos[0],
      `this is not valid YAML: ${syntax.message.replace(/\.$/, "")}`,
      'Check the indentation (spaces, not tabs) and put text containing ": " or starting with a symbol in "double quotes".',
    );
    return result;
  }
  for (const warning of doc.warnings) {
    problems.warn(warning.pos[0], warning.message.replace(/\.$/, ""));
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    problems.error(0, "the file is empty", "Copy an existing instrument file and change it.");
    return result;
  }

  const top = doc.contents as Node;
  const kindNode = isMap(top) ? top.get("kind", true) : undefined;
  const kindText = scalarText(kindNode);
  const kind = KINDS.find((k) => k === kindText?.toLowerCase());
  const allowed = [
    ...COMMON_KEYS,
    ...(kind === "register" ? [] : GRID_KEYS),
    ...(kind === "grid" ? [] : REGISTER_KEYS),
  ];
  const fields = Fields.of(problems, top, "", allowed);
  if (!fields) return result;

  result.order = fields.number("order", "10", false);
  const id = fields.text("id", "my_instrument");
  if (id !== null && !/^[A-Za-z0-9_]{1,50}$/.test(id)) {
    problems.error(
      fields.where("id"),
      `id must use only letters, digits and underscores (at most 50), got "${id}"`,
      'For example "eight_is".',
    );
  }
  result.idAt = problems.at(fields.where("id"));
  const title = fields.text("title", "Key ingredients for a successful partnership");
  const sheet = fields.text("sheet", "Key ingredients");
  if (sheet !== null) checkSheetName(problems, fields.where("sheet"), sheet);
  result.sheetAt = problems.at(fields.where("sheet"));
  const source = fields.text("source", "Audit Commission, A Fruitful Partnership");
  const instructions = fields.text("instructions", "Each partner scores each statement.");
  if (instructions !== null && /[\r\n]/.test(instructions)) {
    problems.error(fields.where("instructions"), "instructions must fit on one line");
  }
  const kindValue = fields.text("kind", "grid");
  if (kindValue !== null && kind === undefined) {
    problems.error(
      fields.where("kind"),
      `kind must be one of ${KINDS.join(", ")}, got "${kindValue}"`,
      'Use "grid" when partners score statements and "register" for a list of rows.',
    );
  }

  const base = {
    id: id ?? "",
    title: title ?? "",
    sheet: sheet ?? "",
    source: source ?? "",
    instructions: instructions ?? "",
  };
  let instrument: Instrument | null = null;
  if (kind === "grid") instrument = readGrid(problems, fields, base);
  if (kind === "register") instrument = readRegister(problems, fields, base);
  if (problems.errorCount === 0) result.instrument = instrument;
  return result;
}

/** The blueprint's own sheets; an instrument may not take their names. */
const CORE_SHEETS = [
  "Partnership",
  "Partners",
  "Values",
  "Objectives",
  "Indicators",
  "Finance",
  "Summary",
];

function checkSheetName(problems: FileProblems, where: Node, sheet: string): void {
  if (sheet.length > 31) {
    problems.error(
      where,
      `sheet must be 31 characters at most (Excel's limit), got ${sheet.length}: "${sheet}"`,
    );
  }
  if (SHEET_FORBIDDEN.test(sheet)) {
    problems.error(where, `sheet must not contain any of [ ] : * ? / \\, got "${sheet}"`);
  }
  if (sheet.startsWith("'") || sheet.endsWith("'")) {
    problems.error(where, `sheet must not start or end with an apostrophe, got "${sheet}"`);
  }
  if (CORE_SHEETS.some((name) => name.toLowerCase() === sheet.toLowerCase())) {
    problems.error(
      where,
      `sheet "${sheet}" is one of the workbook's own sheets (${CORE_SHEETS.join(", ")}); choose another name`,
    );
  }
  if (sheet.toLowerCase() === "history") {
    problems.error(where, 'sheet must not be "History", a name Excel keeps for itself');
  }
}

type Base = Pick<Instrument, "id" | "title" | "sheet" | "source" | "instructions">;

// ---------------------------------------------------------------- grids

function readGrid(problems: FileProblems, fields: Fields, base: Base): GridInstrument | null {
  const scale = readScale(problems, fields);
  const sections = readSections(problems, fields);
  const bands = readBands(problems, fields, scale);
  const spread = fields.number("disagreement_spread", "2");
  if (spread !== null && scale !== null && (spread <= 0 || spread > scale.max - scale.min)) {
    problems.error(
      fields.where("disagreement_spread"),
      `disagreement_spread must be more than 0 and at most ${scale.max - scale.min} (the scale's max minus min), got ${spread}`,
    );
  }
  if (!scale || !sections || !bands || spread === null) return null;
  return {
    ...base,
    kind: "grid",
    scale,
    sections,
    bands,
    disagreementSpread: spread,
  };
}

function readScale(problems: FileProblems, parent: Fields): Scale | null {
  if (!parent.require("scale", "(min, max and labels on the lines below)")) return null;
  const fields = Fields.of(problems, parent.node("scale"), "scale", ["min", "max", "labels"]);
  if (!fields) return null;
  const min = fields.integer("min", "1");
  const max = fields.integer("max", "4");
  if (min === null || max === null) return null;
  if (min >= max) {
    problems.error(
      fields.where("max"),
      `scale's max must be more than its min, got min ${min} and max ${max}`,
    );
    return null;
  }
  const labels: Record<number, string> = {};
  if (!fields.require("labels", '(a line "score: label" for each score)')) return null;
  const labelNode = fields.node("labels");
  if (!isMap(labelNode)) {
    problems.error(
      labelNode,
      `scale's labels must be lines of "score: label", got ${describe(labelNode)}`,
    );
    return null;
  }
  let ok = true;
  for (const pair of labelNode.items) {
    const key = pair.key as Node;
    const score = isScalar(key) ? Number(key.value) : NaN;
    if (!Number.isInteger(score) || score < min || score > max) {
      problems.error(
        key,
        `scale's labels must be for whole-number scores from ${min} to ${max}, got ${describe(key)}`,
      );
      ok = false;
      continue;
    }
    const text = scalarText(pair.value);
    if (!text) {
      problems.error(
        (pair.value as Node | null) ?? key,
        `the label for score ${score} must be text, got ${describe(pair.value)}`,
      );
      ok = false;
      continue;
    }
    labels[score] = text;
  }
  const unlabelled: number[] = [];
  for (let score = min; score <= max; score++) if (!(score in labels)) unlabelled.push(score);
  if (ok && unlabelled.length > 0) {
    problems.warn(
      labelNode,
      `score${unlabelled.length > 1 ? "s" : ""} ${unlabelled.join(", ")} ha${unlabelled.length > 1 ? "ve" : "s"} no label`,
      "Label every score so partners score alike.",
    );
  }
  return ok ? { min, max, labels } : null;
}

function readSections(problems: FileProblems, parent: Fields): Section[] | null {
  const items = parent.list("sections", "(a list of sections)");
  if (!items) return null;
  const sections: Section[] = [];
  const sectionNames = new Map<string, string>();
  const statementTexts = new Map<string, string>();
  let ok = true;
  items.forEach((item, i) => {
    const fields = Fields.of(problems, item, `section ${i + 1}`, ["name", "statements"], item);
    if (!fields) return void (ok = false);
    const name = fields.text("name", "Efficiency");
    if (name !== null) {
      fields.rename(`section "${name}"`);
      const first = sectionNames.get(name.toLowerCase());
      if (first) {
        problems.error(fields.where("name"), `section "${name}" appears twice (first at ${first})`);
        ok = false;
      } else sectionNames.set(name.toLowerCase(), problems.at(fields.where("name")));
    }
    const statementNodes = fields.list("statements", "(a list of statements)");
    if (name === null || !statementNodes) return void (ok = false);
    const statements: Statement[] = [];
    for (const node of statementNodes) {
      const statement = readStatement(problems, node, name);
      if (!statement) {
        ok = false;
        continue;
      }
      const key = statement.text.toLowerCase();
      const first = statementTexts.get(key);
      if (first) {
        problems.error(node, `statement "${statement.text}" appears twice (first at ${first})`);
        ok = false;
        continue;
      }
      statementTexts.set(key, problems.at(node));
      statements.push(statement);
    }
    sections.push({ name, statements });
  });
  return ok ? sections : null;
}

function readStatement(problems: FileProblems, node: Node, section: string): Statement | null {
  if (isMap(node) && !node.has("text")) {
    problems.error(
      node,
      `a statement in "${section}" reads as "name: value"`,
      'Put a statement that contains ": " in "double quotes", or write it as "text: …".',
    );
    return null;
  }
  if (isMap(node)) {
    const fields = Fields.of(problems, node, `a statement in "${section}"`, [
      "text",
      "own_wording",
    ]);
    if (!fields) return null;
    const text = fields.text("text", "Partners share information.");
    const ownWording = fields.boolean("own_wording", false);
    return text === null ? null : { text, ownWording };
  }
  const text = scalarText(node);
  if (!text) {
    problems.error(
      node,
      `each statement in "${section}" must be text, got ${describe(node)}`,
      'If the statement contains ": ", put it in "double quotes".',
    );
    return null;
  }
  return { text, ownWording: false };
}

function readBands(problems: FileProblems, parent: Fields, scale: Scale | null): Band[] | null {
  const items = parent.list("bands", "(a list of bands)");
  if (!items) return null;
  const bands: Band[] = [];
  const seen = new Map<number, string>();
  let ok = true;
  items.forEach((item, i) => {
    const fields = Fields.of(problems, item, `band ${i + 1}`, ["min", "verdict"], item);
    if (!fields) return void (ok = false);
    const min = fields.number("min", "3.5");
    const verdict = fields.text("verdict", "Strength");
    if (min === null || verdict === null) return void (ok = false);
    if (scale && (min < scale.min || min > scale.max)) {
      problems.error(
        fields.where("min"),
        `band ${i + 1}'s min must be within the scale, ${scale.min} to ${scale.max}, got ${min}`,
      );
      ok = false;
    }
    const first = seen.get(min);
    if (first) {
      problems.error(fields.where("min"), `two bands start at ${min} (the other is at ${first})`);
      ok = false;
    }
    seen.set(min, problems.at(fields.where("min")));
    bands.push({ min, verdict });
  });
  if (!ok) return null;
  bands.sort((a, b) => b.min - a.min);
  const lowest = bands[bands.length - 1];
  if (scale && lowest && lowest.min > scale.min) {
    problems.error(
      parent.where("bands"),
      `no band covers mean scores below ${lowest.min}`,
      `Add a band with "min: ${scale.min}" (the scale's lowest score) so every statement gets a verdict.`,
    );
    return null;
  }
  return bands;
}

// ---------------------------------------------------------------- registers

function readRegister(
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
