import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  PERFORMANCE_REPORT_TEMPLATE,
  buildPerformanceReport,
} from "../../core/document/performance-report/build.js";
import { formatProblem } from "../../core/model/problem.js";
import { writeFileAtomic } from "../atomic-write.js";
import { EXIT, UserError, type CommandIo, type OptionValues } from "../command.js";
import { loadStyle } from "../documents/generate-one.js";
import { DEFAULT_DOCUMENTS_DIR } from "../documents/templates.js";
import { loadInstruments } from "../instruments.js";
import { loadPartnershipFile } from "../load.js";
import { docxToPdf, findLibreOffice, LIBREOFFICE_MISSING } from "../output/pdf.js";
import { refuseReadingAndWriting, requireExtension } from "../output/paths.js";

/** `partnership report performance`: one workbook → the board's performance report. */

export async function loadPerformanceTemplate(
  dir: string = DEFAULT_DOCUMENTS_DIR,
): Promise<Record<string, string>> {
  const path = join(dir, PERFORMANCE_REPORT_TEMPLATE);
  try {
    return { [PERFORMANCE_REPORT_TEMPLATE]: await readFile(path, "utf8") };
  } catch {
    throw new UserError(`Cannot read the report template ${path}.`, EXIT.unreadable);
  }
}

function problemLine(problem: Parameters<typeof formatProblem>[0]): string {
  return `${problem.severity === "error" ? "error  " : "warning"} ${formatProblem(problem)}`;
}

export async function runPerformanceReport(values: OptionValues, io: CommandIo): Promise<number> {
  const workbookArg = typeof values.workbook === "string" ? values.workbook : null;
  const outArg = typeof values.out === "string" ? values.out : null;
  if (!workbookArg)
    throw new UserError("give a workbook with --workbook FILE.xlsx", EXIT.unreadable);
  if (!outArg)
    throw new UserError("say where to write the report with --out FILE.docx", EXIT.unreadable);
  requireExtension(outArg, ".docx", "a Word document");
  const workbook = resolve(io.cwd, workbookArg);
  const out = resolve(io.cwd, outArg);
  const pdfOut = values.pdf === true ? out.replace(/\.docx$/i, ".pdf") : null;
  const stylePath = typeof values.style === "string" ? resolve(io.cwd, values.style) : null;
  const inputs = [workbook, ...(stylePath ? [stylePath] : [])];
  await refuseReadingAndWriting(out, inputs);
  if (pdfOut) await refuseReadingAndWriting(pdfOut, inputs);
  const [instruments, templates, style] = await Promise.all([
    loadInstruments(),
    loadPerformanceTemplate(),
    stylePath ? loadStyle(stylePath) : Promise.resolve(undefined),
  ]);
  const loaded = await loadPartnershipFile(workbook, instruments);
  const built = await buildPerformanceReport({
    partnership: loaded.partnership,
    templates,
    workbookProblems: loaded.problems,
    origins: loaded.origins,
    mode: values.final === true ? "final" : "draft",
    notes: values["no-notes"] !== true,
    ...(typeof values.period === "string" ? { period: values.period } : {}),
    ...(style ? { style } : {}),
  });
  const lines = built.problems.map(problemLine);
  if (!built.bytes) {
    lines.push(`did not write ${outArg}: fix the problems listed`);
    io.stdout(`${lines.join("\n")}\n`);
    return EXIT.problems;
  }
  const force = values.force === true;
  await writeFileAtomic(out, built.bytes, { force, protect: inputs });
  lines.push(`wrote ${outArg} (performance report)`);
  let pdfFailed = false;
  if (pdfOut) {
    const soffice = findLibreOffice();
    const converted = soffice
      ? await docxToPdf(built.bytes, soffice)
      : { error: LIBREOFFICE_MISSING };
    if ("pdf" in converted) {
      await writeFileAtomic(pdfOut, converted.pdf, { force, protect: inputs });
      lines.push(`wrote ${outArg.replace(/\.docx$/i, ".pdf")} (PDF, through LibreOffice)`);
    } else {
      pdfFailed = true;
      lines.push(`no PDF: ${converted.error}`);
    }
  }
  io.stdout(`${lines.join("\n")}\n`);
  return pdfFailed || built.problems.some((p) => p.severity === "error") ? EXIT.problems : EXIT.ok;
}
