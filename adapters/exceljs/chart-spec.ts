import type ExcelJS from "exceljs";
import type { AddChart } from "../../core/chart/operation.js";
import type { ChartSpec } from "../../core/chart/types.js";
import { parseCellAddress, quoteSheet } from "../../core/layout/address.js";

/**
 * The chart operation as the exceljs adapter writes it: a chart spec whose
 * references point at the sheet's cells, with the values cached beside them.
 */

/** A chart to add to a worksheet once exceljs has written the file (see chart-parts.ts). */
export interface WrittenChart {
  sheet: string;
  name: string;
  anchor: AddChart["anchor"];
  spec: ChartSpec;
}

function cells(sheet: ExcelJS.Worksheet, range: string): ExcelJS.CellValue[] {
  const [from = "", to = from] = range.split(":");
  const a = parseCellAddress(from);
  const b = parseCellAddress(to);
  const values: ExcelJS.CellValue[] = [];
  for (let row = a.row; row <= b.row; row++)
    for (let column = a.column; column <= b.column; column++)
      values.push(sheet.getCell(row, column).value);
  return values;
}

/** What a cell shows without calculating: its constant, or a formula's stored result. */
function shown(value: ExcelJS.CellValue): string | number | null {
  if (typeof value === "number" || typeof value === "string") return value;
  if (value && typeof value === "object" && "result" in value) {
    const result = value.result;
    if (typeof result === "number" || typeof result === "string") return result;
  }
  return null;
}

/** "A39:A47" → "Summary!$A$39:$A$47". */
function absolute(sheet: string, range: string): string {
  const fixed = range
    .split(":")
    .map((cell) => cell.replace(/^\$?([A-Za-z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
  return `${quoteSheet(sheet)}!${fixed}`;
}

export function writtenChart(op: AddChart, sheet: ExcelJS.Worksheet): WrittenChart {
  const categories =
    op.expected?.categories ?? cells(sheet, op.categories).map((v) => String(shown(v) ?? ""));
  const spec: ChartSpec = {
    type: op.type,
    title: op.title,
    categories,
    categoriesRef: absolute(op.sheet, op.categories),
    series: op.series.map((s, i) => ({
      name: s.name,
      ...(s.nameCell ? { nameRef: absolute(op.sheet, s.nameCell) } : {}),
      valuesRef: absolute(op.sheet, s.values),
      values:
        op.expected?.values[i] ??
        cells(sheet, s.values).map((v) => {
          const value = shown(v);
          return typeof value === "number" ? value : null;
        }),
      ...(s.color ? { color: s.color } : {}),
      ...(s.style ? { style: s.style } : {}),
    })),
    ...(op.valueAxisTitle ? { valueAxisTitle: op.valueAxisTitle } : {}),
    ...(op.valueAxis ? { valueAxis: op.valueAxis } : {}),
  };
  return { sheet: op.sheet, name: op.name, anchor: op.anchor, spec };
}
