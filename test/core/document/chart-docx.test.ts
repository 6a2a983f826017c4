import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../core/model/problem.js";
import type { Partnership } from "../../../core/model/types.js";
import { docxParts, docxText } from "../../support/docx-text.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  WORD_SCHEMA,
} from "../../support/ooxml.js";
import { exampleInstruments } from "../../support/example.js";
import { build, example, templates } from "./fixtures.js";

/**
 * A chart block becomes a native Word chart: an inline drawing in the body,
 * a DrawingML chart part with its values cached, the relationship between
 * them and the part's content type; byte-identical run to run.
 */

const MAIN = "terms-of-reference.md.hbs";

/** A short terms of reference with the given body, so each test shows its own template. */
function withBody(body: string): Record<string, string> {
  return {
    ...templates,
    [MAIN]: `---\ntitle: TERMS OF REFERENCE\n---\n\n# Performance {#p}\n\n${body}\n`,
  };
}

async function chartDocument(body: string, partnership?: Partnership) {
  const result = await build("terms-of-reference", partnership ?? (await example()), {
    templates: withBody(body),
    instruments: await exampleInstruments(),
  });
  if (!result.bytes) throw new Error(result.problems.map(formatProblem).join("\n"));
  return { bytes: result.bytes, parts: await docxParts(result.bytes) };
}

const TWO_CHARTS = [
  "## The Board receives a report on the Indicators.",
  "::: chart ragByObjective",
  "## The Partners assess the Partnership each year.",
  "::: chart instrumentScores",
].join("\n\n");

describe("native Word charts", () => {
  it("writes each chart as a part reached from an inline drawing", async () => {
    const { parts } = await chartDocument(TWO_CHARTS);
    const document = parts.get("word/document.xml") ?? "";
    const drawings = [...document.matchAll(/<c:chart [^>]*r:id="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(drawings).toEqual(["rIdChart1", "rIdChart2"]);
    expect(document).toContain(
      '<a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart">',
    );
    expect(document).toMatch(/<wp:docPr id="1" name="Chart 1" descr="Indicators by objective/);
    // The sentence introducing a chart is kept on the chart's page.
    expect(document).toMatch(
      /<w:p><w:pPr><w:pStyle w:val="Clause2"\/><w:keepNext\/><w:numPr>.*?<\/w:numPr><\/w:pPr>(?:(?!<\/w:p>).)*The Board receives a report(?:(?!<\/w:p>).)*<\/w:p><w:p><w:pPr><w:pStyle w:val="Chart"\/><\/w:pPr><w:r><w:drawing>/,
    );

    const rels = parts.get("word/_rels/document.xml.rels") ?? "";
    for (const n of [1, 2]) {
      expect(rels).toContain(
        `<Relationship Id="rIdChart${n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="charts/chart${n}.xml"/>`,
      );
      expect(parts.get("[Content_Types].xml")).toContain(
        `<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/word/charts/chart${n}.xml"/>`,
      );
    }
    const rag = parts.get("word/charts/chart1.xml") ?? "";
    expect(rag).toContain("<c:chartSpace");
    expect(rag).toContain('<c:grouping val="stacked"/>');
    expect(rag).toContain("<c:v>O1</c:v>");
    expect(parts.get("word/charts/chart2.xml")).toContain(
      "Key ingredients for a successful partnership",
    );
  });

  it("puts the RAG chart in the shipped terms of reference, and no chart in the agreement", async () => {
    const partnership = await example();
    const terms = await docxParts(
      (await build("terms-of-reference", partnership)).bytes ?? new Uint8Array(),
    );
    expect([...terms.keys()].filter((p) => p.startsWith("word/charts/"))).toEqual([
      "word/charts/chart1.xml",
    ]);
    expect(terms.get("word/charts/chart1.xml")).toContain("Indicators by objective and RAG status");
    const agreement = await docxParts(
      (await build("agreement", partnership)).bytes ?? new Uint8Array(),
    );
    expect([...agreement.keys()].filter((p) => p.includes("chart"))).toEqual([]);
  });

  it("is byte-identical run to run", async () => {
    const first = await chartDocument(TWO_CHARTS);
    const second = await chartDocument(TWO_CHARTS);
    expect(Buffer.from(second.bytes).equals(Buffer.from(first.bytes))).toBe(true);
  });

  it("adds no chart parts to a document without charts", async () => {
    const { parts } = await chartDocument("## The Board receives a report on the Indicators.");
    expect([...parts.keys()].filter((p) => p.includes("chart"))).toEqual([]);
    expect(parts.get("word/_rels/document.xml.rels")).not.toContain("rIdChart");
    expect(parts.get("[Content_Types].xml")).not.toContain("drawingml.chart");
  });

  it("says so in words when there is nothing to chart", async () => {
    const partnership = await example();
    partnership.indicators = [];
    partnership.objectives = [];
    const result = await build("terms-of-reference", partnership, {
      templates: withBody("::: chart ragByObjective"),
    });
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    expect([...parts.keys()].filter((p) => p.includes("chart"))).toEqual([]);
    expect(await docxText(result.bytes ?? new Uint8Array())).toContain(
      "Indicators by objective and RAG status, Mar 2026: no figures to show yet.",
    );
  });

  it("names the template file, line and column of a chart it cannot draw", async () => {
    const result = await build("terms-of-reference", await example(), {
      templates: withBody("Text.\n\n::: chart ragByObjectve\n\n:::chart indicatorTrend I99"),
    });
    expect(result.bytes).toBeNull();
    expect(result.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^terms-of-reference\.md\.hbs!9:1: Chart "ragByObjectve" is not a chart the documents know; use one of ragByObjective, /,
      ),
      'terms-of-reference.md.hbs!11:1: Chart "indicatorTrend": no indicator has the ID "I99".',
    ]);
  });
});

const canValidate = findXmllint() !== null && schemaDir() !== null;

describe.skipIf(!canValidate)("native Word charts against the OOXML schemas", () => {
  it("keeps the document valid WordprocessingML and the chart parts valid DrawingML, whatever the cells hold", async () => {
    const partnership = await example();
    const indicator = partnership.indicators[0]!;
    // Workbook text reaches the chart title and the description: it must stay data.
    indicator.indicator = 'Delays <b>&amp; "waits"\u0007 {{constructor}} ]]>';
    const { parts } = await chartDocument(
      `${TWO_CHARTS}\n\n::: chart indicatorTrend ${indicator.id}`,
      partnership,
    );
    expect(parts.get("word/document.xml")).toContain(
      "Delays &lt;b&gt;&amp;amp; &quot;waits&quot; {{constructor}} ]]&gt;",
    );
    expect(parts.get("word/charts/chart3.xml")).toContain(
      "Delays &lt;b&gt;&amp;amp; &quot;waits&quot; {{constructor}} ]]&gt;",
    );
    const document = validatePart(parts.get("word/document.xml") ?? "", schemaPath(WORD_SCHEMA));
    expect(document.errors).toEqual([]);
    const charts = [...parts.keys()].filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(3);
    for (const name of charts) {
      const validation = validatePart(
        parts.get(name) ?? "",
        schemaPath("ISO-IEC29500-4_2016/dml-chart.xsd"),
      );
      expect({ name, errors: validation.errors }).toEqual({ name, errors: [] });
    }
  }, 60_000);
});
