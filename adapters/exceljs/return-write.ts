/**
 * Writes a partner's return workbook (issue 8) with exceljs: a start sheet
 * saying who, what and how; one sheet per instrument with the statements, a
 * Score dropdown and a Comment column, the scale's key beside them; and a
 * hidden sheet recording the return's identity, so a renamed file is still
 * recognised. Every sheet is protected without a password: only the Score
 * and Comment cells can be typed in.
 */
import ExcelJS from "exceljs";
import {
  DETAIL_KEYS,
  DETAILS_SHEET,
  RETURN_FORMAT,
  RETURN_GRID,
  RETURN_HEADERS,
  START_SHEET,
  returnInstructions,
  type DetailKey,
  type ReturnForm,
  type ReturnInstrument,
} from "../../core/cycle/return-form.js";
import { roleStyle } from "../../core/layout/styles.js";
import type { CellRole } from "../../core/layout/operations.js";
import { withoutInvalidXmlCharacters } from "../../core/text/xml-escape.js";
import { argb } from "./colour.js";

/** A fixed timestamp: the same return is the same bytes. */
const FIXED_DATE = new Date(Date.UTC(2000, 0, 1));

/** What a protected sheet still allows: selecting, and resizing so long statements can be read. */
const PROTECTION: Partial<ExcelJS.WorksheetProtection> = {
  selectLockedCells: true,
  selectUnlockedCells: true,
  formatColumns: true,
  formatRows: true,
};

function style(role: CellRole): Partial<ExcelJS.Style> {
  const s = roleStyle(role);
  return {
    font: {
      name: "Calibri",
      size: s.size,
      bold: s.bold,
      italic: s.italic,
      color: { argb: argb(s.fontColor) },
    },
    alignment: { wrapText: s.wrap, vertical: "top" },
    ...(s.fill
      ? { fill: { type: "pattern", pattern: "solid", fgColor: { argb: argb(s.fill) } } }
      : {}),
  };
}

const text = (value: string): string => withoutInvalidXmlCharacters(value);

function put(sheet: ExcelJS.Worksheet, address: string, value: ExcelJS.CellValue, role: CellRole) {
  const cell = sheet.getCell(address);
  cell.value = typeof value === "string" ? text(value) : value;
  cell.style = style(role);
}

function identityLines(form: ReturnForm): [string, string][] {
  return [
    ["Partnership", form.partnership],
    ["Partner", form.partner],
    ["Round", form.round],
  ];
}

function startSheet(workbook: ExcelJS.Workbook, form: ReturnForm): void {
  const sheet = workbook.addWorksheet(START_SHEET, {
    properties: { tabColor: { argb: argb("#1F4E79") } },
  });
  sheet.columns = [{ width: 16 }, { width: 90 }];
  put(sheet, "A1", "Partnership assessment: your return", "title");
  identityLines(form).forEach(([label, value], i) => {
    put(sheet, `A${i + 3}`, label, "label");
    put(sheet, `B${i + 3}`, value, "label");
  });
  put(sheet, "A7", "How to fill it in", "header");
  returnInstructions(form).forEach((line, i) => put(sheet, `B${i + 7}`, line, "instruction"));
  const listRow = 8 + returnInstructions(form).length;
  put(sheet, `A${listRow}`, "Sheets to score", "header");
  form.instruments.forEach((instrument, i) => {
    put(
      sheet,
      `B${listRow + i}`,
      `${instrument.sheet}: ${instrument.title} (${instrument.statements.length} statements)`,
      "note",
    );
  });
  void sheet.protect("", PROTECTION);
}

function instrumentSheet(
  workbook: ExcelJS.Workbook,
  form: ReturnForm,
  instrument: ReturnInstrument,
): void {
  const sheet = workbook.addWorksheet(instrument.sheet, {
    properties: { tabColor: { argb: argb("#00B0A0") } },
    views: [{ state: "frozen", ySplit: RETURN_GRID.headerRow, xSplit: 0 }],
  });
  sheet.columns = [
    { width: 24 },
    { width: 60 },
    { width: 9 },
    { width: 40 },
    { width: 2 },
    { width: 7 },
    { width: 48 },
  ];
  put(sheet, "A1", instrument.title, "title");
  put(sheet, "A2", `${form.partnership} · ${form.partner} · Round: ${form.round}`, "label");
  put(sheet, "A3", instrument.instructions, "instruction");
  put(
    sheet,
    "A4",
    "Pick a score from the dropdown in each yellow cell; a comment is optional. The key to the scores is on the right.",
    "instruction",
  );
  sheet.mergeCells("A3:D3");
  sheet.mergeCells("A4:D4");
  sheet.getRow(3).height = 45;
  sheet.getRow(4).height = 30;
  const { headerRow, firstRow } = RETURN_GRID;
  RETURN_HEADERS.forEach((header, i) => put(sheet, `${"ABCD"[i]}${headerRow}`, header, "header"));
  const { min, max, labels } = instrument.scale;
  const choices = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  const input = style("input");
  instrument.statements.forEach((s, i) => {
    const row = firstRow + i;
    put(sheet, `A${row}`, s.section, "label");
    put(sheet, `B${row}`, s.statement, "note");
    for (const column of ["C", "D"]) {
      const cell = sheet.getCell(`${column}${row}`);
      cell.style = { ...input, protection: { locked: false } };
    }
    sheet.getCell(`C${row}`).dataValidation = {
      type: "list",
      allowBlank: true,
      formulae: [`"${choices.join(",")}"`],
      showErrorMessage: true,
      errorTitle: "Score",
      error: `Pick a whole number from ${min} to ${max}, or leave it blank.`,
    };
  });
  put(sheet, `F${headerRow}`, "Score", "header");
  put(sheet, `G${headerRow}`, "Meaning", "header");
  choices.forEach((score, i) => {
    put(sheet, `F${headerRow + 1 + i}`, score, "label");
    put(sheet, `G${headerRow + 1 + i}`, labels[score] ?? "", "note");
  });
  sheet.pageSetup = {
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
  };
  void sheet.protect("", PROTECTION);
}

function detailsSheet(workbook: ExcelJS.Workbook, form: ReturnForm): void {
  const sheet = workbook.addWorksheet(DETAILS_SHEET, { state: "hidden" });
  const values: Record<DetailKey, string> = {
    Format: RETURN_FORMAT,
    Partnership: form.partnership,
    Partner: form.partner,
    Round: form.round,
    Anonymous: form.anonymous ? "Yes" : "No",
    Instruments: form.instruments.map((i) => i.id).join(","),
    "Statements hash": form.statementsHash,
  };
  sheet.getCell("A1").value = "Key";
  sheet.getCell("B1").value = "Value";
  DETAIL_KEYS.forEach((key, i) => {
    sheet.getCell(`A${i + 2}`).value = key;
    sheet.getCell(`B${i + 2}`).value = text(values[key]);
  });
  void sheet.protect("", PROTECTION);
}

/** The return's .xlsx bytes; the same form gives the same bytes. */
export async function returnWorkbookBytes(form: ReturnForm): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Partnership Workbench";
  workbook.lastModifiedBy = "Partnership Workbench";
  workbook.created = FIXED_DATE;
  workbook.modified = FIXED_DATE;
  workbook.title = `${form.partnership}: assessment return, ${form.partner}, ${form.round}`;
  startSheet(workbook, form);
  for (const instrument of form.instruments) instrumentSheet(workbook, form, instrument);
  detailsSheet(workbook, form);
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
