import { describe, expect, it } from "vitest";
import { PERFORMANCE_REPORT_TEMPLATE } from "../../../../core/document/performance-report/build.js";
import { emptyPartnership } from "../../../../core/model/empty.js";
import { libreOfficeResults } from "../../../support/converted.js";
import { docxParts, docxText } from "../../../support/docx-text.js";
import { monthlyPartnership } from "../../../support/monthly-partnership.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  WORD_SCHEMA,
  XMLLINT_MISSING,
} from "../../../support/ooxml.js";
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from "../../../support/pdf-text.js";
import {
  buildPerformance as build,
  completePerformance as complete,
  PERFORMANCE_TEMPLATE as TEMPLATE,
} from "../../../support/performance-report.js";
import { findSoffice, SOFFICE_MISSING } from "../../../support/soffice.js";

const canValidate = findXmllint() !== null && schemaDir() !== null;
if (!canValidate) console.warn(XMLLINT_MISSING);
const canRender = findSoffice() !== null && hasPdftotext();
if (findSoffice() === null) console.warn(SOFFICE_MISSING);
else if (!hasPdftotext()) console.warn(PDFTOTEXT_MISSING);

describe("the performance report", () => {
  it("opens with the summary: RAG and SPC counts, changes, Red twice running", async () => {
    const result = await build(monthlyPartnership());
    const text = await docxText(result.bytes!);
    expect(text).toContain(
      "Of 4 indicators at Dec 2026: 1 Green, 2 Amber, 1 Red and 0 with no data.",
    );
    expect(text).toContain(
      "covers the 3 indicators with at least 12 values: 2 special cause improvement, 0 special cause concern, 0 special cause with no better direction and 1 common cause only",
    );
    expect(text).toContain("3 will consistently fail");
    expect(text).toMatch(/K4 \| Carers' breaks funded \| Red \| Green/);
    // K3 has no December value: the November report said Amber too, so nothing changed.
    expect(text).not.toMatch(/K3 \| Reablement hours per week \| Red/);
    expect(text).toMatch(
      /Red in two consecutive reports[\s\S]*K2 \| Carers offered an assessment \| EC \| Yes/,
    );
  });

  it("gives each objective its indicators' table with variation and assurance in words and symbols", async () => {
    const text = await docxText((await build(monthlyPartnership())).bytes!);
    expect(text).toMatch(/O1: Cut delayed transfers/);
    expect(text).toMatch(
      /K1 \| Delayed transfers per 100,000 \| 9\.20 \(Dec 2026\) \| 9 \| 9 \| ● Amber \| Improving ↗ \| ▼ Improvement \| ✗ Consistently failing/,
    );
    expect(text).toMatch(/K2 \|[^\n]*\| ~ Common cause \|/);
    expect(text).toMatch(/K3 \|[^\n]*480 \(Nov 2026\)[^\n]*Fewer than 12 values/);
    expect(text).toContain(
      "Corrective action: Assessment slots added at every GP surgery from March.",
    );
  });

  it("draws an XmR chart per indicator with SPC and the RAG chart, as native Word charts", async () => {
    const parts = await docxParts((await build(monthlyPartnership())).bytes!);
    const charts = [...parts.keys()].filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p));
    expect(charts).toHaveLength(4);
    const xmr = charts.map((c) => parts.get(c) ?? "").filter((x) => x.includes("<c:lineChart>"));
    expect(xmr.map((x) => /<a:t>([^<]*)<\/a:t>/.exec(x)?.[1])).toEqual([
      "K1: Delayed transfers per 100,000",
      "K2: Carers offered an assessment",
      "K4: Carers' breaks funded",
    ]);
    // Percentages are charted as 0–100, and the axis fits the data rather than starting at 0.
    expect(xmr[1]).toContain("<c:v>61</c:v>");
    expect(xmr[1]).not.toContain('<c:min val="0"/>');
    expect(xmr[0]).toContain('<a:prstDash val="dash"/>');
  });

  it("marks what the board needs and the workbook lacks, each at its cell, and a final refuses", async () => {
    const draft = await build(monthlyPartnership());
    const gaps = draft.problems.map((p) => `${p.sheet}!${p.cell} ${p.message}`);
    expect(gaps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Partnership!B\d+ Document date is missing/),
        expect.stringMatching(/^Indicators![A-Z]+6 Commentary on indicator K2 \(Red\) is missing/),
        expect.stringMatching(
          /^Indicators![A-Z]+7 Commentary on indicator K3 \(Amber\) is missing/,
        ),
        expect.stringMatching(/^Finance!\w+6 Forecast outturn of Carers' breaks is missing/),
      ]),
    );
    expect(await docxText(draft.bytes!)).toContain("[MISSING: Commentary on indicator K2 (Red)]");
    const final = await build(monthlyPartnership(), { mode: "final" });
    expect(final.bytes).toBeNull();
    expect(final.problems.filter((p) => p.severity === "error").length).toBeGreaterThanOrEqual(4);
    const done = await build(complete(), { mode: "final" });
    expect(done.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(done.bytes).not.toBeNull();
  });

  it("shares a forecast overspend by contribution to the pooled fund, and shows finance per line only", async () => {
    const text = await docxText((await build(complete())).bytes!);
    // Budgets £150,000, forecasts 10% over: £15,000 shared 300,000 : 100,000.
    expect(text).toContain("The forecast overspend of £15,000 would be shared");
    expect(text).toMatch(/EC \| 75% \| £11,250/);
    expect(text).toMatch(/Carers \| 25% \| £3,750/);
    expect(text).toMatch(
      /Reablement \| £100,000 \| £90,000 \| £110,000 \| \+£10,000 \| 20% over benchmark \| 33\.3 hours per £1,000/,
    );
    expect(text).toMatch(/Carers' breaks \|[^\n]*\| No outcome recorded/);
  });

  it("says, for an objective past its due date, whether its indicators met target then", async () => {
    const p = complete();
    p.details.documentDate = "2027-05-01";
    const text = await docxText((await build(p)).bytes!);
    expect(text).toMatch(
      /Lead: EC\. Due 31 March 2027: K1 did not meet its target \(Dec 2026\),[^\n]*K3 did not meet its target \(Nov 2026\)\./,
    );
    const before = await docxText((await build(complete())).bytes!);
    expect(before).not.toContain("Due 31 March 2027");
  });

  it("lists returns overdue as at the document date", async () => {
    const p = complete();
    const text = await docxText((await build(p)).bytes!);
    expect(text).toMatch(
      /Returns overdue as at 20 January 2027[\s\S]*K3 \| Reablement hours per week \| EC \| 19 periods, Jan 2025 to Jul 2026/,
    );
  });

  it("reports an earlier period as it stood then, and refuses a period the workbook lacks", async () => {
    const text = await docxText((await build(monthlyPartnership(), { period: "Jun 2026" })).bytes!);
    expect(text).toContain("Reporting period Jun 2026");
    expect(text).toContain("at Jun 2026:");
    expect(text).not.toContain("(Dec 2026)");
    const wrong = await build(monthlyPartnership(), { period: "Q9" });
    expect(wrong.bytes).toBeNull();
    expect(wrong.problems[0]?.message).toBe('"Q9" is not a reporting period of this workbook');
    expect(wrong.problems[0]?.hint).toContain("Jan 2025");
  });

  it("still gives a draft for a workbook with no periods, indicators or finance yet", async () => {
    const result = await build(emptyPartnership(0));
    expect(result.bytes).not.toBeNull();
    const text = await docxText(result.bytes!);
    expect(text).toContain("Of 0 indicators");
    expect(text).toContain("The workbook has no finance lines yet.");
  });

  it("writes the same bytes every time", async () => {
    const a = await build(monthlyPartnership());
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    const b = await build(monthlyPartnership());
    expect(Buffer.from(a.bytes!).equals(Buffer.from(b.bytes!))).toBe(true);
  });

  it("locates a template mistake in the template file", async () => {
    const broken = {
      [PERFORMANCE_REPORT_TEMPLATE]: TEMPLATE.replace(
        "{{summary.indicators}}",
        "{{summary.nosuch}}",
      ),
    };
    const result = await build(monthlyPartnership(), { templates: broken });
    expect(result.bytes).toBeNull();
    expect(result.problems[0]).toMatchObject({ sheet: PERFORMANCE_REPORT_TEMPLATE });
    expect(result.problems[0]?.cell).toMatch(/^\d+:\d+$/);
    const chart = {
      [PERFORMANCE_REPORT_TEMPLATE]: TEMPLATE.replace(
        "\n::: chart ragByObjective\n",
        "\n::: chart xmr NOPE\n",
      ),
    };
    const bad = await build(monthlyPartnership(), { templates: chart });
    expect(bad.problems[0]?.message).toBe('Chart "xmr": no indicator has the ID "NOPE"');
  });

  it.skipIf(!canValidate)(
    "validates against the OOXML schemas: every Word part and every chart part",
    async () => {
      for (const bytes of [
        (await build(monthlyPartnership())).bytes!,
        (await build(complete(), { mode: "final" })).bytes!,
      ]) {
        const parts = await docxParts(bytes);
        let charts = 0;
        for (const [name, xml] of parts) {
          if (/^word\/charts\/chart\d+\.xml$/.test(name)) {
            charts++;
            expect(
              validatePart(xml, schemaPath("ISO-IEC29500-4_2016/dml-chart.xsd")).errors,
              name,
            ).toEqual([]);
          } else if (
            /^word\/(document|header\d+|footer\d+|comments|numbering|styles|settings)\.xml$/.test(
              name,
            )
          ) {
            expect(validatePart(xml, schemaPath(WORD_SCHEMA)).errors, name).toEqual([]);
          }
        }
        expect(charts).toBe(4);
      }
    },
    120_000,
  );

  it.skipIf(!canRender)(
    "renders in LibreOffice, charts and all",
    async () => {
      // The global set-up printed build(complete(), { mode: "final" }) with the other shared fixtures.
      const converted = await libreOfficeResults();
      const text = pdfText(converted.pdf(converted.performanceReportDocx)).replace(/\s+/g, " ");
      expect(text).toContain("PERFORMANCE REPORT");
      expect(text).toContain("K1: Delayed transfers per 100,000");
      expect(text).toContain("Upper process limit");
      expect(text).toContain("Indicators by objective and RAG status");
      expect(text).toContain("The forecast overspend of £15,000");
    },
    300_000,
  );
});
