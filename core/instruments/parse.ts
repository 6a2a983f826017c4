/**
 * Turns `templates/instruments/*.yaml` into instruments, checking every field
 * and reporting each problem at its line and column in words a non-developer
 * can act on. Pure: the caller reads the files.
 */
import { isMap, isScalar, LineCounter, parseDocument, type Node } from "yaml";
import type { Problem } from "../model/problem.js";
import type { Instrument } from "./types.js";
import { Fields, FileProblems, scalarText } from "./yaml-fields.js";
import { readGrid } from "./read-grid.js";
import { readRegister } from "./read-register.js";

const KINDS = ["grid", "register"] as const;
const COMMON_KEYS = ["order", "id", "title", "sheet", "source", "instructions", "kind"];
const GRID_KEYS = ["scale", "sections", "bands", "disagreement_spread", "low_is_weak"];
const REGISTER_KEYS = ["columns", "rows"];

const SHEET_FORBIDDEN = /[[\]:*?/\\]/;

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
