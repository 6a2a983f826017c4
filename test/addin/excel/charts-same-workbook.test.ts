/**
 * Both interpreters draw the same charts: the chart Office.js adds inside
 * Excel and the chart part the command line writes plot the same cells, on
 * the same sheet and place, with the same type, title, names, colours and axis.
 */
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { examplePartnership } from "../../../core/example/partnership.js";
import { quoteSheet } from "../../../core/layout/address.js";
import { buildOperations, workbookPlan } from "../../../core/layout/blueprint.js";
import { rectAddress, type Rect } from "../../../addin/excel/a1.js";
import { OFFICE_CHART_TYPES } from "../../../addin/excel/chart-step.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import { writeOperations } from "../../../adapters/exceljs/apply-operations.js";
import { testInstruments } from "../support/partnerships.js";

/** "A1:B2" on a sheet, as the chart part's formulas write it. */
function reference(sheet: string, rect: Rect | null): string {
  if (!rect) return "(none)";
  const absolute = rectAddress(rect).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
  return `${quoteSheet(sheet)}!${absolute}`;
}

describe("Office.js and the command line draw the same charts", () => {
  it("same sheets, places, types, titles, cells, series names, colours and value axes", async () => {
    const instruments = await testInstruments();
    const partnership = examplePartnership(instruments);
    const excel = createFakeExcel({ sheets: [] });
    await setUpWorkbook(excel.newContext().context, workbookPlan(partnership, instruments));
    const { charts: written } = writeOperations(
      new ExcelJS.Workbook(),
      buildOperations(partnership, instruments),
    );

    const office = excel.state.sheets.flatMap((sheet) =>
      sheet.charts.map((chart) => ({
        sheet: sheet.name,
        name: chart.name,
        type: chart.type,
        title: chart.title,
        from: chart.position ? rectAddress(chart.position.from) : "",
        to: chart.position ? rectAddress(chart.position.to) : "",
        categories: reference(sheet.name, chart.series[0]?.xValues ?? null),
        series: chart.series.map((s) => ({
          name: s.name,
          values: reference(sheet.name, s.values),
          color: (s.fill ?? s.line ?? "").toUpperCase(),
        })),
        axis: {
          min: chart.valueAxis.minimum,
          max: chart.valueAxis.maximum,
          majorUnit: chart.valueAxis.majorUnit,
          numberFormat: chart.valueAxis.numberFormat,
          title: chart.valueAxis.title,
        },
      })),
    );
    const file = written.map((chart) => ({
      sheet: chart.sheet,
      name: chart.name,
      type: OFFICE_CHART_TYPES[chart.spec.type],
      title: chart.spec.title,
      from: chart.anchor.from,
      to: chart.anchor.to,
      categories: chart.spec.categoriesRef,
      series: chart.spec.series.map((s, i) => ({
        name: s.name,
        values: s.valuesRef,
        // The palette's first colour where the operation gives none, as both hosts choose it.
        color: (s.color ?? (i === 0 ? "#1F4E79" : "")).toUpperCase(),
      })),
      axis: {
        min: chart.spec.valueAxis?.min,
        max: chart.spec.valueAxis?.max,
        majorUnit: chart.spec.valueAxis?.majorUnit,
        numberFormat: chart.spec.valueAxis?.numberFormat,
        title: chart.spec.valueAxisTitle,
      },
    }));
    expect(office).toEqual(file);
    // The Summary's two, among the grids' (issue 8) and the SPC sheet's.
    expect(office.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        "RAG by objective",
        "Assessment scores",
        "Nuffield assessment section means",
      ]),
    );
  }, 60_000);
});
