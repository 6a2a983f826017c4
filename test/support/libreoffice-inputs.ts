import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { examplePartnership } from "../../core/example/partnership.js";
import type { BuildResult } from "../../core/document/index.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { formatProblem } from "../../core/model/problem.js";
import type { Partnership } from "../../core/model/types.js";
import { build, completeExample, example, templates } from "../core/document/fixtures.js";
import { builtAssessmentReport } from "./assessment-report.js";
import { cycleGridWorkbook } from "./cycle-grid.js";
import { everyKindOfValue } from "./every-kind-of-value.js";
import { exampleInstruments } from "./example.js";
import { writeFilledReturn } from "./filled-return.js";
import { buildPerformance, completePerformance } from "./performance-report.js";
import type { ConversionJob } from "./soffice-batch.js";
import { miniGrid, miniLedger, smallPartnership } from "./small-partnership.js";

/** Three indicators under O1, one Green, one Amber and one Red, so every bar colour shows. */
export function threeRagPartnership(): Partnership {
  const p = smallPartnership();
  const [base] = p.indicators;
  if (!base) throw new Error("the small partnership has an indicator");
  p.indicators = [
    { ...base, id: "K1", values: [11, 9.5, null] },
    { ...base, id: "K2", values: [10, 8, null] },
    { ...base, id: "K3", values: [10, 14, null] },
  ];
  return p;
}

/** Terms of reference holding nothing but the two native charts. */
export const CHARTS_BODY = [
  "---",
  "title: TERMS OF REFERENCE",
  "---",
  "",
  "# Performance {#p}",
  "",
  "## The Board receives a report on the Indicators.",
  "",
  "::: chart ragByObjective",
  "",
  "## The Partners assess the Partnership each year.",
  "",
  "::: chart instrumentScores",
].join("\n");

/** Where each input and output lives under the shared fixtures folder. */
export function fixturePaths(root: string) {
  const input = (name: string) => join(root, "in", name);
  return {
    root,
    status: join(root, "status.json"),
    exampleXlsx: input("example.xlsx"),
    chartsXlsx: input("charts.xlsx"),
    kindsXlsx: input("kinds.xlsx"),
    agreementDocx: input("agreement.docx"),
    termsDocx: input("terms-of-reference.docx"),
    chartsDocx: input("document-charts.docx"),
    assessmentReportDocx: input("assessment-report.docx"),
    performanceReportDocx: input("performance-report.docx"),
    cycleGridXlsx: input("cycle-grid.xlsx"),
    /** The master EC's return was made from; not converted, collected into by the test. */
    returnMasterXlsx: input("return-master.xlsx"),
    returnXlsx: input("return-EC.xlsx"),
    pdfDir: join(root, "pdf"),
    csvDir: join(root, "csv"),
    xlsxDir: join(root, "xlsx"),
  };
}

export type FixturePaths = ReturnType<typeof fixturePaths>;

async function documentBytes(result: Promise<BuildResult>): Promise<Uint8Array> {
  const { bytes, problems } = await result;
  if (!bytes) throw new Error(problems.map(formatProblem).join("\n"));
  return bytes;
}

/**
 * Writes every file LibreOffice opens in the tests and lists what it must make
 * of each. A short run ends before this does: the signal stops it between files
 * rather than building everything for nobody.
 */
export async function writeInputs(
  paths: FixturePaths,
  signal?: AbortSignal,
): Promise<ConversionJob[]> {
  mkdirSync(join(paths.root, "in"), { recursive: true });
  const instruments = await exampleInstruments();
  const partnership = await example();
  const write = async (file: string, bytes: Uint8Array | Promise<Uint8Array>) =>
    writeFileSync(file, await bytes);
  const steps: (() => Promise<void>)[] = [
    () =>
      write(
        paths.exampleXlsx,
        workbookBytes(buildOperations(examplePartnership(instruments), instruments)),
      ),
    () =>
      write(
        paths.chartsXlsx,
        workbookBytes(buildOperations(threeRagPartnership(), [miniGrid, miniLedger])),
      ),
    () => write(paths.kindsXlsx, everyKindOfValue()),
    () => write(paths.agreementDocx, documentBytes(build("agreement", partnership))),
    () => write(paths.termsDocx, documentBytes(build("terms-of-reference", partnership))),
    // A final document: no red DRAFT header to be mistaken for a red bar.
    async () =>
      write(
        paths.chartsDocx,
        documentBytes(
          build("terms-of-reference", await completeExample(), {
            mode: "final",
            templates: { ...templates, "terms-of-reference.md.hbs": CHARTS_BODY },
            instruments,
          }),
        ),
      ),
    async () => write(paths.assessmentReportDocx, (await builtAssessmentReport()).bytes),
    () =>
      write(
        paths.performanceReportDocx,
        documentBytes(buildPerformance(completePerformance(), { mode: "final" })),
      ),
    () => write(paths.cycleGridXlsx, cycleGridWorkbook()),
    () => writeFilledReturn(paths.returnMasterXlsx, paths.returnXlsx),
  ];
  for (const step of steps) {
    signal?.throwIfAborted();
    await step();
  }
  const pdf = [
    paths.exampleXlsx,
    paths.chartsXlsx,
    paths.agreementDocx,
    paths.termsDocx,
    paths.chartsDocx,
    paths.assessmentReportDocx,
    paths.performanceReportDocx,
  ];
  return [
    ...pdf.map((input): ConversionJob => ({ input, to: "pdf", outDir: paths.pdfDir })),
    { input: paths.exampleXlsx, to: "csv", outDir: paths.csvDir },
    { input: paths.cycleGridXlsx, to: "csv", outDir: paths.csvDir },
    { input: paths.exampleXlsx, to: "xlsx", outDir: paths.xlsxDir },
    { input: paths.kindsXlsx, to: "xlsx", outDir: paths.xlsxDir },
    { input: paths.returnXlsx, to: "xlsx", outDir: paths.xlsxDir },
  ];
}
