/**
 * The Office.js interpreter adds each chart with ExcelApi ≤ 1.9 calls, in the
 * same batch as the cells it plots, and the strict fake Excel refuses what
 * Excel would refuse. The preview's download keeps the charts.
 */
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import type { AddChart } from "../../../core/chart/operation.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { workbookPlan } from "../../../core/layout/blueprint.js";
import type { Operation } from "../../../core/layout/operations.js";
import { parseRect } from "../../../addin/excel/a1.js";
import { applyOperations } from "../../../addin/excel/apply-operations.js";
import { OFFICE_CHART_TYPES } from "../../../addin/excel/chart-step.js";
import { setUpWorkbook } from "../../../addin/excel/set-up.js";
import { exportXlsx } from "../../../addin/preview/fake-excel/export-xlsx.js";
import { createFakeExcel } from "../../../addin/preview/fake-excel/index.js";
import type { FakeChart } from "../../../addin/preview/fake-excel/state.js";
import { testInstruments } from "../support/partnerships.js";
import { workbookSnapshot } from "./workbook-snapshot.js";

const SMALL: Operation[] = [
  { kind: "addSheet", sheet: "Trend", tabColor: "" },
  {
    kind: "writeBlock",
    sheet: "Trend",
    address: "A1",
    cells: [
      ["Quarter", "Referrals", "Seen"],
      ["Q1", 10, 8],
      ["Q2", 12, 11],
    ],
  },
  ...(["line", "radar"] as const).map((type, i): AddChart => ({
    kind: "addChart",
    sheet: "Trend",
    name: `${type} chart`,
    type,
    title: `As a ${type}`,
    categories: "A2:A3",
    series: [
      { name: "Referrals", nameCell: "B1", values: "B2:B3" },
      { name: "Seen", nameCell: "C1", values: "C2:C3", color: "#C00000" },
    ],
    anchor: { from: `E${1 + i * 20}`, to: `K${18 + i * 20}` },
    valueAxis: { min: 0 },
  })),
];

async function exampleWorkbook() {
  const instruments = await testInstruments();
  const partnership = examplePartnership(instruments);
  const plan = workbookPlan(partnership, instruments);
  const excel = createFakeExcel({ sheets: [] });
  const result = await setUpWorkbook(excel.newContext().context, plan);
  const ops = plan.flatMap((p) => p.operations);
  return { excel, result, ops };
}

describe("charts through Office.js", () => {
  it("set-up adds the Summary's charts as the operations say, still within three syncs", async () => {
    const { excel, result, ops } = await exampleWorkbook();
    expect(result.syncs).toBeLessThanOrEqual(3);
    const wanted = ops.filter(
      (op): op is AddChart => op.kind === "addChart" && op.sheet === "Summary",
    );
    const charts = excel.state.findSheet("Summary")?.charts ?? [];
    expect(charts.map((c) => c.name)).toEqual(wanted.map((c) => c.name));
    for (const [i, op] of wanted.entries()) {
      const chart = charts[i] as FakeChart;
      expect(chart.type).toBe(OFFICE_CHART_TYPES[op.type]);
      expect(chart.title).toBe(op.title);
      expect(chart.legendPosition).toBe("Bottom");
      expect(chart.position?.from).toMatchObject({
        top: parseRect(op.anchor.from).top,
        left: parseRect(op.anchor.from).left,
      });
      expect(chart.position?.to).toMatchObject({
        bottom: parseRect(op.anchor.to).bottom,
        right: parseRect(op.anchor.to).right,
      });
      expect(
        chart.series.map((s) => ({ name: s.name, values: s.values, xValues: s.xValues })),
      ).toEqual(
        op.series.map((s) => ({
          name: s.name,
          values: parseRect(s.values),
          xValues: parseRect(op.categories),
        })),
      );
      expect(chart.series.map((s) => s.fill)).toEqual(op.series.map((s) => s.color ?? "#1F4E79"));
      expect(chart.valueAxis).toMatchObject({
        ...(op.valueAxis?.min !== undefined ? { minimum: op.valueAxis.min } : {}),
        ...(op.valueAxis?.max !== undefined ? { maximum: op.valueAxis.max } : {}),
        ...(op.valueAxisTitle ? { title: op.valueAxisTitle } : {}),
      });
    }
    expect(charts[0]?.series.every((s) => s.overlap === 100)).toBe(true);
    // The workbook's state stays plain data: tests compare snapshots of it as JSON.
    expect(workbookSnapshot(excel)).toContain('"name":"RAG by objective"');
    expect(charts[1]?.valueAxis.numberFormat).toBe("0%");
  }, 60_000);

  it("gives lines and radars their colour on the line and markers, palette colours where none is given", async () => {
    const excel = createFakeExcel({ sheets: [] });
    await applyOperations(excel.newContext().context, SMALL);
    const charts = excel.state.findSheet("Trend")?.charts ?? [];
    expect(charts.map((c) => c.type)).toEqual(["LineMarkers", "RadarMarkers"]);
    for (const chart of charts) {
      expect(chart.series.map((s) => [s.line, s.markerStyle, s.markerBackground, s.fill])).toEqual([
        ["#1F4E79", "Circle", "#1F4E79", null],
        ["#C00000", "Circle", "#C00000", null],
      ]);
    }
  });

  it("the preview's download keeps the charts, as chart parts over the same cells", async () => {
    const excel = createFakeExcel({ sheets: [] });
    await applyOperations(excel.newContext().context, SMALL);
    const zip = await JSZip.loadAsync(await exportXlsx(excel.state));
    const line = await zip.file("xl/charts/chart1.xml")?.async("string");
    const radar = await zip.file("xl/charts/chart2.xml")?.async("string");
    expect(line).toContain("<c:lineChart>");
    expect(line).toContain("<c:f>Trend!$C$2:$C$3</c:f>");
    expect(line).toContain("<c:v>Q1</c:v>");
    expect(radar).toContain("<c:radarChart>");
    const drawing = await zip.file("xl/drawings/drawing1.xml")?.async("string");
    expect(drawing).toContain('name="radar chart"');
  });

  it("deleting a sheet deletes its charts (as set-up does to undo a failed run)", async () => {
    const excel = createFakeExcel({ sheets: [] });
    await applyOperations(excel.newContext().context, SMALL);
    await excel.run(async (context) => {
      context.workbook.worksheets.add("Other");
      context.workbook.worksheets.getItem("Trend").delete();
    });
    expect(excel.state.sheets.flatMap((s) => s.charts)).toEqual([]);
  });
});

describe("the fake Excel's charts are strict", () => {
  async function failure(work: (context: Excel.RequestContext) => void): Promise<unknown> {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    try {
      work(context);
      await context.sync();
    } catch (error) {
      return error;
    }
    return null;
  }

  it("takes a Range object as the source, not an address", async () => {
    const error = await failure((context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("ColumnClustered", "A1:A3" as unknown as Excel.Range, "Columns");
    });
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  it("refuses a chart type, a colour or a legend position Excel does not have", async () => {
    for (const work of [
      (sheet: Excel.Worksheet) =>
        sheet.charts.add("Columnar" as Excel.ChartType, sheet.getRange("A1:A3")),
      (sheet: Excel.Worksheet) => {
        sheet.charts
          .add("ColumnClustered", sheet.getRange("A1:A3"))
          .series.getItemAt(0)
          .format.fill.setSolidColor("green-ish");
      },
      (sheet: Excel.Worksheet) => {
        sheet.charts.add("ColumnClustered", sheet.getRange("A1:A3")).legend.position =
          "Middle" as Excel.ChartLegendPosition;
      },
    ]) {
      const error = await failure((context) => work(context.workbook.worksheets.getItem("Sheet1")));
      expect(error).toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("a series that is not there is ItemNotFound when the batch runs", async () => {
    const error = await failure((context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts
        .add("ColumnClustered", sheet.getRange("A1:A3"), "Columns")
        .series.getItemAt(1).name = "x";
    });
    expect(error).toMatchObject({ code: "ItemNotFound" });
  });

  it("refuses a position that ends above or left of where it starts", async () => {
    const error = await failure((context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.charts.add("ColumnClustered", sheet.getRange("A1:A3")).setPosition("H10", "C2");
    });
    expect(error).toMatchObject({ code: "InvalidArgument" });
  });

  it("needs load and sync before a chart's name can be read", async () => {
    const excel = createFakeExcel();
    const { context } = excel.newContext();
    const sheet = context.workbook.worksheets.getItem("Sheet1");
    const chart = sheet.charts.add("ColumnClustered", sheet.getRange("A1:B3"), "Columns");
    chart.name = "Mine";
    expect(() => chart.name).toThrow(/not available/);
    chart.load("name");
    await context.sync();
    expect(chart.name).toBe("Mine");
    expect(excel.state.findSheet("Sheet1")?.charts[0]?.series.map((s) => s.name)).toEqual([
      "Series1",
      "Series2",
    ]);
  });
});
