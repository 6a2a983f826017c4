import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  ASSESSMENT_REPORT_TEMPLATE,
  buildAssessmentReport,
} from "../../core/document/assessment-report/build.js";
import { formatProblem, type Problem } from "../../core/model/problem.js";
import { writeFileAtomic } from "../atomic-write.js";
import { EXIT, UserError, type CommandIo, type OptionValues } from "../command.js";
import { loadStyle } from "../documents/generate-one.js";
import { DEFAULT_DOCUMENTS_DIR } from "../documents/templates.js";
import { loadInstruments } from "../instruments.js";
import { loadPartnershipFile } from "../load.js";
import { refuseReadingAndWriting, requireExtension } from "../output/paths.js";

/** `partnership report assessment`: one workbook → the board's assessment report. */

export async function loadAssessmentTemplate(
  dir: string = DEFAULT_DOCUMENTS_DIR,
): Promise<Record<string, string>> {
  const path = join(dir, ASSESSMENT_REPORT_TEMPLATE);
  try {
    return { [ASSESSMENT_REPORT_TEMPLATE]: await readFile(path, "utf8") };
  } catch {
    throw new UserError(`Cannot read the report template ${path}.`, EXIT.unreadable);
  }
}

function problemLine(problem: Parameters<typeof formatProblem>[0]): string {
  return `${problem.severity === "error" ? "error  " : "warning"} ${formatProblem(problem)}`;
}

export interface AssessmentReportJob {
  workbook: string;
  out: string;
  round?: string;
  final: boolean;
  notes: boolean;
  force: boolean;
  stylePath?: string;
}

/** Reads the workbook and writes the report; the lines to print and whether it was written. */
export async function writeAssessmentReport(
  job: AssessmentReportJob,
): Promise<{ written: boolean; problems: Problem[]; ms: number }> {
  const inputs = [job.workbook, ...(job.stylePath ? [job.stylePath] : [])];
  await refuseReadingAndWriting(job.out, inputs);
  const [instruments, templates, style] = await Promise.all([
    loadInstruments(),
    loadAssessmentTemplate(),
    job.stylePath ? loadStyle(job.stylePath) : Promise.resolve(undefined),
  ]);
  const loaded = await loadPartnershipFile(job.workbook, instruments);
  const started = performance.now();
  const built = await buildAssessmentReport({
    partnership: loaded.partnership,
    instruments,
    templates,
    workbookProblems: loaded.problems,
    origins: loaded.origins,
    actionOrigins: loaded.origins.actions,
    mode: job.final ? "final" : "draft",
    notes: job.notes,
    ...(job.round !== undefined ? { round: job.round } : {}),
    ...(style ? { style } : {}),
  });
  const ms = performance.now() - started;
  if (!built.bytes) return { written: false, problems: built.problems, ms };
  await writeFileAtomic(job.out, built.bytes, { force: job.force, protect: inputs });
  return { written: true, problems: built.problems, ms };
}

export async function runAssessmentReport(values: OptionValues, io: CommandIo): Promise<number> {
  const workbookArg = typeof values.workbook === "string" ? values.workbook : null;
  const outArg = typeof values.out === "string" ? values.out : null;
  if (!workbookArg)
    throw new UserError("give a workbook with --workbook FILE.xlsx", EXIT.unreadable);
  if (!outArg)
    throw new UserError("say where to write the report with --out FILE.docx", EXIT.unreadable);
  requireExtension(outArg, ".docx", "a Word document");
  const result = await writeAssessmentReport({
    workbook: resolve(io.cwd, workbookArg),
    out: resolve(io.cwd, outArg),
    final: values.final === true,
    notes: values["no-notes"] !== true,
    force: values.force === true,
    ...(typeof values.round === "string" ? { round: values.round } : {}),
    ...(typeof values.style === "string" ? { stylePath: resolve(io.cwd, values.style) } : {}),
  });
  const lines = result.problems.map(problemLine);
  lines.push(
    result.written
      ? `wrote ${outArg} (assessment report)`
      : `did not write ${outArg}: fix the problems listed`,
  );
  io.stdout(`${lines.join("\n")}\n`);
  if (!result.written) return EXIT.problems;
  return result.problems.some((p) => p.severity === "error") ? EXIT.problems : EXIT.ok;
}
