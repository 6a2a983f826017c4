import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_REPORT_TEMPLATE,
  buildAssessmentReport,
} from "../../../../core/document/assessment-report/build.js";
import { formatProblem } from "../../../../core/model/problem.js";
import {
  ASSESSMENT_TEMPLATE as template,
  assessmentInput as input,
  assessmentPartnership as partnership,
  builtAssessmentReport as built,
} from "../../../support/assessment-report.js";
import { libreOfficeResults } from "../../../support/converted.js";
import { docxParts, docxText } from "../../../support/docx-text.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  WORD_SCHEMA,
} from "../../../support/ooxml.js";
import { hasPdftotext, PDFTOTEXT_MISSING, pdfText } from "../../../support/pdf-text.js";
import { findSoffice, SOFFICE_MISSING } from "../../../support/soffice.js";

describe("the assessment report", () => {
  it("has who took part, the summary, a section per instrument and the action plan", async () => {
    const { bytes, problems } = await built();
    const text = (await docxText(bytes)).replace(/\s+/g, " ");
    expect(text).toContain("PARTNERSHIP ASSESSMENT REPORT");
    expect(text).toContain("Northvale <Partnership> & Co");
    expect(text).toContain("3 of 3 partners scored at least one instrument");
    expect(text).toContain("Changes are measured against the round 2025");
    expect(text).toContain("Contested items");
    expect(text).toContain("Trust check");
    expect(text).toContain("Pair check");
    expect(text).toContain("+0.7 (improved)");
    expect(text).toContain("Could not judge");
    expect(text).toContain("Publish a delivery tracker");
    expect(text).toContain("(overdue)");
    // The untouched seeded action's owner and due date are marked missing at their cells.
    expect(text).toContain("[MISSING: Owner of the action for");
    expect(problems.map(formatProblem)).toContain(
      'Actions!E6: Owner of the action for "We share information" is missing from the workbook. The draft shows it as [MISSING: …].',
    );
  });

  it("draws a radar of section means for three sections or more, a bar below, and the gaps", async () => {
    const { bytes } = await built();
    const parts = await docxParts(bytes);
    const charts = [...parts.keys()].filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p)).sort();
    const xml = charts.map((c) => parts.get(c) ?? "");
    expect(xml.filter((x) => x.includes("<c:radarChart>"))).toHaveLength(1);
    expect(
      xml.some((x) => x.includes("Trust check: section means") && x.includes("<c:radarChart>")),
    ).toBe(true);
    expect(
      xml.some((x) => x.includes("Pair check: section means") && x.includes("<c:barChart>")),
    ).toBe(true);
    expect(xml.some((x) => x.includes("perception gaps on contested items"))).toBe(true);
    // This round against the last, as two series.
    expect(xml.find((x) => x.includes("Trust check: section means"))).toContain("<c:v>2025</c:v>");
  });

  it("is byte-identical run to run", async () => {
    const a = await built();
    const b = await built();
    expect(Buffer.from(a.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it("refuses a final report while an action lacks its owner, naming the cell", async () => {
    const result = await buildAssessmentReport(input({ mode: "final" }));
    expect(result.bytes).toBeNull();
    expect(result.problems.map(formatProblem)).toContain(
      'Actions!E6: Owner of the action for "We share information" is missing from the workbook. A final report needs it: fill it in, or make a draft.',
    );
    const p = partnership();
    for (const action of p.assessmentActions ?? []) {
      action.action ||= "Agree a protocol";
      action.owner ||= "NHS";
      action.dueDate ??= "2026-09-01";
    }
    const final = await buildAssessmentReport(input({ mode: "final", partnership: p }));
    expect(final.problems.filter((x) => x.severity === "error")).toEqual([]);
    expect(final.bytes).not.toBeNull();
  });

  it("reports on a closed round with --round, and says which rounds exist for an unknown one", async () => {
    const { bytes } = await built({ round: "2025" });
    const text = (await docxText(bytes)).replace(/\s+/g, " ");
    expect(text).toContain("Assessment round 2025");
    expect(text).toContain("Changes are measured against the round 2024");
    const unknown = await buildAssessmentReport(input({ round: "1999" }));
    expect(unknown.bytes).toBeNull();
    expect(unknown.problems[0]?.message).toContain('no assessment round is called "1999"');
  });

  it("locates a template mistake in the report template", async () => {
    const broken = {
      [ASSESSMENT_REPORT_TEMPLATE]: `${template}\n::: chart radarOfEverything trust\n`,
    };
    const result = await buildAssessmentReport(input({ templates: broken }));
    expect(result.bytes).toBeNull();
    expect(result.problems[0]?.sheet).toBe(ASSESSMENT_REPORT_TEMPLATE);
    expect(result.problems[0]?.message).toContain('Chart "radarOfEverything" is not a chart');
  });
});

const canValidate = findXmllint() !== null && schemaDir() !== null;

describe.skipIf(!canValidate)("the assessment report against the OOXML schemas", () => {
  it("is valid WordprocessingML with valid DrawingML charts", async () => {
    const parts = await docxParts((await built()).bytes);
    expect(
      validatePart(parts.get("word/document.xml") ?? "", schemaPath(WORD_SCHEMA)).errors,
    ).toEqual([]);
    for (const name of [...parts.keys()].filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p))) {
      const result = validatePart(
        parts.get(name) ?? "",
        schemaPath("ISO-IEC29500-4_2016/dml-chart.xsd"),
      );
      expect({ name, errors: result.errors }).toEqual({ name, errors: [] });
    }
  }, 60_000);
});

const canRender = findSoffice() !== null && hasPdftotext();
if (findSoffice() === null) console.warn(SOFFICE_MISSING);
else if (!hasPdftotext()) console.warn(PDFTOTEXT_MISSING);

describe.skipIf(!canRender)("the assessment report in LibreOffice", () => {
  it("renders to PDF with its charts' titles and the action plan", async () => {
    // The global set-up printed builtAssessmentReport() with the other shared fixtures.
    const converted = await libreOfficeResults();
    const text = pdfText(converted.pdf(converted.assessmentReportDocx)).replace(/\s+/g, " ");
    expect(text).toContain("PARTNERSHIP ASSESSMENT REPORT");
    expect(text).toContain("Trust check: section means");
    expect(text).toContain("perception gaps on contested items");
    expect(text).toContain("Publish a delivery");
  }, 300_000);
});
