/**
 * The exceljs adapter writes the chart operation as real DrawingML parts
 * after exceljs's write: a chart part per chart, a drawing per sheet, their
 * relationships, the sheet's <drawing> element in schema order and content
 * types, all valid against the ISO schemas, the same bytes on every run.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { AddChart } from "../../../core/chart/operation.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import type { Operation } from "../../../core/layout/operations.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { exampleInstruments } from "../../support/example.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  SPREADSHEET_SCHEMA,
  validatePart,
  XMLLINT_MISSING,
} from "../../support/ooxml.js";

const ready = findXmllint() !== null && schemaDir() !== null;
if (!ready) console.warn(XMLLINT_MISSING);

const CHART_SCHEMA = "ISO-IEC29500-4_2016/dml-chart.xsd";

/**
 * A drawing's graphic frame holds a c:chart, which dml-main validates strictly:
 * a small schema importing both namespaces lets xmllint check the whole part.
 */
function drawingSchema(): string {
  const dir = mkdtempSync(join(tmpdir(), "pw-drawing-xsd-"));
  const file = join(dir, "drawing-with-charts.xsd");
  const at = (name: string) => `file://${schemaPath(`ISO-IEC29500-4_2016/${name}`)}`;
  writeFileSync(
    file,
    `<?xml version="1.0"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
  <xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" schemaLocation="${at("dml-spreadsheetDrawing.xsd")}"/>
  <xsd:import namespace="http://schemas.openxmlformats.org/drawingml/2006/chart" schemaLocation="${at("dml-chart.xsd")}"/>
</xsd:schema>`,
  );
  return file;
}

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files))
    if (!file.dir) out.set(path, await file.async("string"));
  return out;
}

/** A sheet with a table, print settings and two charts: the <drawing> must fall between them. */
const SMALL: Operation[] = [
  { kind: "addSheet", sheet: "Board's view", tabColor: "" },
  {
    kind: "writeBlock",
    sheet: "Board's view",
    address: "A1",
    cells: [
      ["Quarter", "Referrals", "Seen"],
      ["Q1", 10, 8],
      ["Q2", 12, { formula: "=B3-1" }],
    ],
  },
  {
    kind: "addTable",
    sheet: "Board's view",
    name: "Flow",
    range: "A1:C3",
    columns: [{ name: "Quarter" }, { name: "Referrals" }, { name: "Seen" }],
    style: "TableStyleLight9",
  },
  { kind: "pageSetup", sheet: "Board's view", landscape: true, titleRows: "1:1" },
  {
    kind: "addChart",
    sheet: "Board's view",
    name: "Flow by quarter",
    type: "line",
    title: "Referrals & people seen",
    categories: "A2:A3",
    series: [
      { name: "Referrals", nameCell: "B1", values: "B2:B3" },
      { name: "Seen", nameCell: "C1", values: "C2:C3", color: "#C00000" },
    ],
    anchor: { from: "E2", to: "L18" },
  },
  {
    kind: "addChart",
    sheet: "Board's view",
    name: "Radar",
    type: "radar",
    title: "Same, as a radar",
    categories: "A2:A3",
    series: [{ name: "Referrals", values: "B2:B3" }],
    anchor: { from: "E20", to: "L36" },
  },
];

/** The Summary's drawing part and its chart parts, followed through the relationships. */
function summaryDrawing(all: Map<string, string>): {
  drawingPath: string;
  drawing: string;
  chartPaths: string[];
} {
  const workbook = all.get("xl/workbook.xml") ?? "";
  const rel = /<sheet [^>]*name="Summary"[^>]*r:id="([^"]+)"/.exec(workbook)?.[1];
  const target = new RegExp(`Id="${rel}"[^>]*Target="([^"]+)"`).exec(
    all.get("xl/_rels/workbook.xml.rels") ?? "",
  )?.[1];
  const sheetPart = `xl/${target}`;
  const sheetRels = all.get(sheetPart.replace(/([^/]+)$/, "_rels/$1.rels")) ?? "";
  const drawingRel = /<drawing r:id="([^"]+)"\/>/.exec(all.get(sheetPart) ?? "")?.[1];
  const file =
    new RegExp(`Id="${drawingRel}" Type="[^"]+/drawing" Target="../drawings/([^"]+)"`).exec(
      sheetRels,
    )?.[1] ?? "";
  const drawingPath = `xl/drawings/${file}`;
  const rels = all.get(`xl/drawings/_rels/${file}.rels`) ?? "";
  const chartPaths = [...rels.matchAll(/Target="\.\.\/charts\/([^"]+)"/g)].map(
    (m) => `xl/charts/${m[1]}`,
  );
  return { drawingPath, drawing: all.get(drawingPath) ?? "", chartPaths };
}

describe("the exceljs adapter's chart parts", () => {
  let example: Map<string, string>;
  let exampleBytes: Uint8Array;
  let exampleOps: Operation[];

  beforeAll(async () => {
    const instruments = await exampleInstruments();
    exampleOps = buildOperations(examplePartnership(instruments), instruments);
    exampleBytes = await workbookBytes(exampleOps);
    example = await parts(exampleBytes);
  }, 120_000);

  it("adds the Summary's two charts in one drawing, tied to the Summary sheet", () => {
    // Other sheets have charts too (the grids' section means, SPC): follow the Summary's relationships.
    const summary = summaryDrawing(example);
    expect(summary.drawingPath).toMatch(/^xl\/drawings\/drawing\d+\.xml$/);
    expect(summary.drawing.match(/<c:chart /g)).toHaveLength(2);
    expect(summary.chartPaths).toHaveLength(2);
    for (const path of summary.chartPaths) expect(example.has(path), path).toBe(true);
    const types = example.get("[Content_Types].xml") ?? "";
    expect(types).toContain(
      `<Override PartName="/${summary.chartPaths[0]}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
    );
    expect(types).toContain(
      `<Override PartName="/${summary.drawingPath}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
  });

  it("charts refer to the Summary's cells and cache what core computed", () => {
    const rag =
      summaryDrawing(example)
        .chartPaths.map((path) => example.get(path) ?? "")
        .find((xml) => xml.includes("Indicators by objective and RAG status")) ?? "";
    const op = exampleOps.find(
      (o): o is AddChart => o.kind === "addChart" && o.name === "RAG by objective",
    );
    const [from, to] = (op?.categories ?? "").split(":");
    const absolute = (cell = "") => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
    expect(rag).toContain(`<c:f>Summary!${absolute(from)}:${absolute(to)}</c:f>`);
    expect(rag).toContain('<c:grouping val="stacked"/>');
    expect(rag).toContain("<c:v>O1</c:v>");
    const expected = op?.expected?.values[0] ?? [];
    const cached = [
      ...(/<c:numCache>([\s\S]*?)<\/c:numCache>/.exec(rag)?.[1] ?? "").matchAll(
        /<c:pt idx="(\d+)"><c:v>([^<]*)<\/c:v>/g,
      ),
    ].map((m) => [Number(m[1]), Number(m[2])]);
    expect(cached).toEqual(expected.flatMap((v, i) => (v === null ? [] : [[i, v]])));
  });

  it("places each chart over the cells the operation names", () => {
    const drawing = summaryDrawing(example).drawing;
    const op = exampleOps.find(
      (o): o is AddChart => o.kind === "addChart" && o.sheet === "Summary",
    );
    const row = (cell = "") => Number(/\d+/.exec(cell)?.[0]);
    expect(drawing).toContain(
      `<xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row(op?.anchor.from) - 1}</xdr:row>`,
    );
    // The far corner is the start of the cell after the last one covered.
    expect(drawing).toContain(
      `<xdr:to><xdr:col>3</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row(op?.anchor.to)}</xdr:row>`,
    );
    expect(drawing).toContain('name="RAG by objective"');
  });

  it("writes the same bytes every time, whatever the time of day", async () => {
    // Two seconds apart at least: a zip entry's time has two-second steps.
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect(Buffer.from(await workbookBytes(exampleOps)).equals(Buffer.from(exampleBytes))).toBe(
      true,
    );
    const zip = await JSZip.loadAsync(exampleBytes);
    const times = new Set(Object.values(zip.files).map((f) => f.date.getTime()));
    expect(times.size).toBe(1);
  }, 120_000);

  it("puts <drawing> after the page setup and before the table parts, as CT_Worksheet orders them", async () => {
    const small = await parts(await workbookBytes(SMALL));
    const sheet = small.get("xl/worksheets/sheet1.xml") ?? "";
    expect(sheet).toMatch(/<pageSetup [^>]*\/><drawing r:id="rId\d+"\/><tableParts /);
    const rels = small.get("xl/worksheets/_rels/sheet1.xml.rels") ?? "";
    expect(rels.match(/Id="rId\d+"/g)?.length).toBe(2);
    expect(new Set(rels.match(/Id="rId\d+"/g)).size).toBe(2);
  });

  it("caches constants from the cells when core gave no values; a formula's value waits for the reader", async () => {
    const small = await parts(await workbookBytes(SMALL));
    const line = small.get("xl/charts/chart1.xml") ?? "";
    expect(line).toContain("<c:f>'Board''s view'!$A$2:$A$3</c:f>");
    expect(line).toContain('<c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>Q1</c:v></c:pt>');
    expect(line).toContain("Referrals &amp; people seen");
    const seen = /<c:ser><c:idx val="1"\/>[\s\S]*?<\/c:ser>/.exec(line)?.[0] ?? "";
    expect(seen).toContain('<c:ptCount val="2"/><c:pt idx="0"><c:v>8</c:v></c:pt></c:numCache>');
    const radar = small.get("xl/charts/chart2.xml") ?? "";
    expect(radar).toContain("<c:radarChart>");
    // No name cell: the name is text in the part.
    expect(radar).toContain("<c:tx><c:v>Referrals</c:v></c:tx>");
  });

  it("leaves a workbook without charts as exceljs wrote it", async () => {
    const plain = await parts(await workbookBytes(SMALL.filter((op) => op.kind !== "addChart")));
    expect([...plain.keys()].some((p) => /chart|drawing/.test(p))).toBe(false);
    expect(plain.get("[Content_Types].xml")).not.toContain("drawing");
  });

  describe.skipIf(!ready)("against the schemas", () => {
    it("every chart, drawing and worksheet part is valid", async () => {
      const small = await parts(await workbookBytes(SMALL));
      const drawing = drawingSchema();
      for (const [name, all] of [
        ["example", example],
        ["small", small],
      ] as const) {
        const checked = [...all.keys()].filter((p) =>
          /^xl\/(charts\/chart|drawings\/drawing|worksheets\/sheet)\d+\.xml$/.test(p),
        );
        expect(
          checked.some((p) => p.startsWith("xl/charts/")),
          name,
        ).toBe(true);
        for (const path of checked) {
          const schema = path.startsWith("xl/charts/")
            ? schemaPath(CHART_SCHEMA)
            : path.startsWith("xl/drawings/")
              ? drawing
              : schemaPath(SPREADSHEET_SCHEMA);
          expect(validatePart(all.get(path) ?? "", schema).errors, `${name} ${path}`).toEqual([]);
        }
      }
    }, 120_000);

    it("the drawing schema rejects a frame whose chart is misspelt, so a pass means something", () => {
      const drawing = (example.get("xl/drawings/drawing1.xml") ?? "").replace(
        "<c:chart ",
        "<c:chrt ",
      );
      expect(validatePart(drawing, drawingSchema()).valid).toBe(false);
    }, 30_000);
  });
});
