/**
 * The fake workbook as an .xlsx (exceljs), for the preview's download and
 * for tests. Formulas are stored without cached results; Excel and
 * LibreOffice compute them on opening.
 */
import ExcelJS from "exceljs";
import { columnLetter } from "../../../core/layout/address.js";
import { finishTables, type CalculatedColumns } from "../../../adapters/exceljs/table-parts.js";
import { rectAddress } from "../../excel/a1.js";
import { pointsToCharacters } from "../../excel/column-width.js";
import { cellKey, type FakeSheet, type FakeWorkbookState } from "./state.js";
import { styleAt } from "./style-at.js";

function argb(colour: string): string {
  return `FF${colour.replace("#", "").toUpperCase()}`;
}

/** exceljs's worksheet typings omit the range-capable `dataValidations` collection it has at run time. */
function validationsOf(sheet: ExcelJS.Worksheet): {
  add(range: string, v: ExcelJS.DataValidation): void;
} {
  return (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations;
}

function exportSheet(workbook: ExcelJS.Workbook, state: FakeWorkbookState, sheet: FakeSheet): void {
  const ws = workbook.addWorksheet(sheet.name, {
    ...(sheet.tabColor ? { properties: { tabColor: { argb: argb(sheet.tabColor) } } } : {}),
    views:
      sheet.freeze.rows || sheet.freeze.columns
        ? [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }]
        : [],
  });
  ws.pageSetup = {
    ...ws.pageSetup,
    orientation: sheet.page.orientation === "Landscape" ? "landscape" : "portrait",
    ...(sheet.page.paperSize === "A4" ? { paperSize: 9 } : {}),
    ...(sheet.page.fitToWidth
      ? { fitToPage: true, fitToWidth: sheet.page.fitToWidth, fitToHeight: 0 }
      : {}),
    ...(sheet.page.titleRows ? { printTitlesRow: sheet.page.titleRows.replace(/\$/g, "") } : {}),
  };
  for (const [column, points] of sheet.columnWidths)
    ws.getColumn(column).width = pointsToCharacters(points);

  // Tables first: exceljs writes a table's cells itself, from its rows.
  const inTable = new Set<string>();
  for (const table of state.tables.filter((t) => t.sheet === sheet)) {
    const { rect } = table;
    const headers: string[] = [];
    for (let c = rect.left; c <= rect.right; c++)
      headers.push(String(sheet.cells.get(cellKey(rect.top, c))?.value ?? `Column${c}`));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = rect.top + 1; r <= rect.bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cells.get(cellKey(r, c));
        row.push(
          cell?.formula
            ? { formula: cell.formula.slice(1), date1904: false }
            : (cell?.value ?? null),
        );
      }
      rows.push(row);
    }
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) inTable.add(cellKey(r, c));
    ws.addTable({
      name: table.name,
      ref: `${columnLetter(rect.left)}${rect.top}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: table.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: table.showFilterButton })),
      rows,
    });
  }

  for (const [key, cell] of sheet.cells) {
    const [row = 1, column = 1] = key.split(":").map(Number);
    const target = ws.getCell(row, column);
    if (!inTable.has(key)) {
      if (cell.formula) target.value = { formula: cell.formula.slice(1), date1904: false };
      else if (cell.value !== null) target.value = cell.value;
    }
    if (cell.numberFormat) target.numFmt = cell.numberFormat;
  }

  // Styles only where there is content or a layer, within the used area.
  const bottom = Math.max(0, ...[...sheet.cells.keys()].map((k) => Number(k.split(":")[0])));
  const right = Math.max(0, ...[...sheet.cells.keys()].map((k) => Number(k.split(":")[1])));
  for (let r = 1; r <= bottom; r++) {
    for (let c = 1; c <= right; c++) {
      const style = styleAt(sheet.formats, r, c);
      if (Object.keys(style).length === 0) continue;
      const target = ws.getCell(r, c);
      if (style.fill)
        target.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
      target.font = {
        ...(style.fontColor ? { color: { argb: argb(style.fontColor) } } : {}),
        bold: style.bold ?? false,
        italic: style.italic ?? false,
        ...(style.size ? { size: style.size } : {}),
      };
      if (style.wrap) target.alignment = { wrapText: true, vertical: "top" };
    }
  }

  for (const validation of sheet.validations) {
    const { rule } = validation;
    const ref = rectAddress(validation.rect);
    const error = validation.errorAlert?.message ?? "";
    if (rule.list) {
      const source = String(rule.list.source);
      const formulae = [source.startsWith("=") ? source.slice(1) : `"${source}"`];
      validationsOf(ws).add(ref, {
        type: "list",
        allowBlank: true,
        formulae,
        showErrorMessage: true,
        error,
      });
    } else {
      const basic = rule.wholeNumber ?? rule.decimal;
      if (!basic) continue;
      validationsOf(ws).add(ref, {
        type: rule.wholeNumber ? "whole" : "decimal",
        operator: "between",
        allowBlank: true,
        formulae: [Number(basic.formula1), Number(basic.formula2)],
        showErrorMessage: true,
        error,
      });
    }
  }

  for (const format of sheet.conditionalFormats) {
    const ref = rectAddress(format.rect);
    if (format.type === "ColorScale" && format.criteria) {
      const points = [
        format.criteria.minimum,
        format.criteria.midpoint,
        format.criteria.maximum,
      ].filter((p) => p !== undefined);
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "colorScale",
            priority: 1,
            cfvo: points.map((p) => ({ type: "num" as const, value: Number(p.formula) })),
            color: points.map((p) => ({ argb: argb(p.color ?? "#FFFFFF") })),
          },
        ],
      });
    }
    if (format.type === "CellValue" && format.rule) {
      ws.addConditionalFormatting({
        ref,
        rules: [
          {
            type: "cellIs",
            priority: 1,
            operator: "equal",
            formulae: [String(format.rule.formula1).replace(/^=/, "")],
            style: {
              ...(format.fill
                ? {
                    fill: {
                      type: "pattern",
                      pattern: "solid",
                      bgColor: { argb: argb(format.fill) },
                    },
                  }
                : {}),
              ...(format.fontColor ? { font: { color: { argb: argb(format.fontColor) } } } : {}),
            },
          },
        ],
      });
    }
  }
}

/** Each table column whose first data row holds a formula is a calculated column. */
function calculatedColumns(state: FakeWorkbookState): CalculatedColumns {
  const calculated: CalculatedColumns = new Map();
  for (const table of state.tables) {
    const { rect, sheet } = table;
    const columns: { name: string; formula: string }[] = [];
    for (let c = rect.left; c <= rect.right; c++) {
      const formula = sheet.cells.get(cellKey(rect.top + 1, c))?.formula;
      const name = sheet.cells.get(cellKey(rect.top, c))?.value;
      if (formula && name !== null && name !== undefined)
        columns.push({ name: String(name), formula });
    }
    if (columns.length) calculated.set(table.name, columns);
  }
  return calculated;
}

export async function exportXlsx(state: FakeWorkbookState): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Partnership Workbench preview";
  for (const sheet of state.sheets) exportSheet(workbook, state, sheet);
  const buffer = await workbook.xlsx.writeBuffer();
  // As the command line does: calculated columns, so rows added in Excel fill their formulas.
  return finishTables(new Uint8Array(buffer as ArrayBuffer), calculatedColumns(state));
}
