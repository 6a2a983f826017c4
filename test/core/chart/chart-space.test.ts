import { describe, expect, it } from "vitest";
import { chartSpaceXml } from "../../../core/chart/chart-space.js";
import { CHART_TYPES, type ChartSpec } from "../../../core/chart/types.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  XMLLINT_MISSING,
} from "../../support/ooxml.js";

const CHART_SCHEMA = "ISO-IEC29500-4_2016/dml-chart.xsd";
const ready = findXmllint() !== null && schemaDir() !== null;
if (!ready) console.warn(XMLLINT_MISSING);

const ragByObjective: ChartSpec = {
  type: "stackedBar",
  title: "Indicators by RAG & objective",
  categories: ["O1", "O2", "O3"],
  categoriesRef: "'Summary'!$B$6:$B$8",
  series: [
    {
      name: "Green",
      values: [2, 1, 0],
      valuesRef: "'Summary'!$C$6:$C$8",
      nameRef: "'Summary'!$C$5",
      color: "#00B050",
    },
    {
      name: "Red",
      values: [0, null, 3],
      valuesRef: "'Summary'!$D$6:$D$8",
      nameRef: "'Summary'!$D$5",
      color: "#C00000",
    },
  ],
  valueAxisTitle: "Indicators",
  valueAxis: { min: 0, majorUnit: 1 },
};

const literal: ChartSpec = {
  type: "bar",
  title: "Mean score",
  categories: ["Audit <Commission>", "Eight I's"],
  series: [{ name: "Mean", values: [3.5, 4.25] }],
  valueAxis: { min: 1, max: 5, numberFormat: '0.0" pts"' },
};

describe("chartSpaceXml", () => {
  it("caches every category and value, with the formulas a workbook follows", () => {
    const xml = chartSpaceXml(ragByObjective);
    expect(xml).toContain("<c:f>'Summary'!$B$6:$B$8</c:f>");
    expect(xml).toContain('<c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>O1</c:v></c:pt>');
    expect(xml).toContain("<c:f>'Summary'!$C$5</c:f><c:strCache>");
    expect(xml).toContain('<c:grouping val="stacked"/>');
    expect(xml).toContain('<c:overlap val="100"/>');
    expect(xml).toContain('<a:srgbClr val="C00000"/>');
    expect(xml).toContain('<c:majorUnit val="1"/>');
    // No format of its own: the axis labels take the cells' format.
    expect(xml).toContain(
      '<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/>',
    );
    expect(xml).toContain("Indicators by RAG &amp; objective");
  });

  it("leaves a gap for a missing value but still counts its category", () => {
    const red =
      /<c:ser><c:idx val="1"\/>[\s\S]*?<\/c:ser>/.exec(chartSpaceXml(ragByObjective))?.[0] ?? "";
    expect(red).toContain('<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/>');
    expect(red).toContain('<c:pt idx="0"><c:v>0</c:v></c:pt><c:pt idx="2"><c:v>3</c:v></c:pt>');
    const cache = /<c:numCache>[\s\S]*?<\/c:numCache>/.exec(red)?.[0] ?? "";
    expect(cache).not.toContain('<c:pt idx="1">');
  });

  it("writes literals, not references to cells, when the spec has no references (Word)", () => {
    const xml = chartSpaceXml(literal);
    expect(xml).not.toContain("<c:f>");
    expect(xml).toContain("<c:strLit>");
    expect(xml).toContain("<c:numLit>");
    expect(xml).toContain("<c:tx><c:v>Mean</c:v></c:tx>");
    expect(xml).toContain("Audit &lt;Commission&gt;");
    expect(xml).toContain('<c:max val="5"/><c:min val="1"/>');
    expect(xml).toContain('<c:numFmt formatCode="0.0&quot; pts&quot;" sourceLinked="0"/>');
  });

  it("is the same text every time", () => {
    expect(chartSpaceXml(ragByObjective)).toBe(chartSpaceXml(structuredClone(ragByObjective)));
  });

  it.skipIf(!ready).each(
    CHART_TYPES.flatMap(
      (type) =>
        [
          [type, "references", ragByObjective],
          [type, "literals", literal],
        ] as const,
    ),
  )(
    "a %s chart with %s is valid against dml-chart.xsd",
    (type, _kind, spec) => {
      const xml = chartSpaceXml({ ...spec, type });
      expect(validatePart(xml, schemaPath(CHART_SCHEMA)).errors).toEqual([]);
    },
    30_000,
  );

  it.skipIf(!ready)(
    "stays valid whatever the cells hold: control characters, no title, no series, NaN",
    () => {
      const xml = chartSpaceXml({
        type: "line",
        title: "",
        categories: ["a\u0001b", ""],
        series: [
          {
            name: "x\u001b[2J",
            values: [Number.NaN, Number.POSITIVE_INFINITY],
            color: "not a colour",
          },
        ],
      });
      expect(xml).not.toMatch(/NaN|Infinity/);
      expect(xml).not.toContain("\u001b");
      expect(validatePart(xml, schemaPath(CHART_SCHEMA)).errors).toEqual([]);
      const empty = chartSpaceXml({ type: "radar", title: "Empty", categories: [], series: [] });
      expect(validatePart(empty, schemaPath(CHART_SCHEMA)).errors).toEqual([]);
    },
    30_000,
  );

  it.skipIf(!ready)("the schema check catches a misordered part, so a pass means something", () => {
    const broken = chartSpaceXml(literal).replace(
      '<c:barDir val="col"/><c:grouping val="clustered"/>',
      '<c:grouping val="clustered"/><c:barDir val="col"/>',
    );
    expect(validatePart(broken, schemaPath(CHART_SCHEMA)).valid).toBe(false);
  });
});
