import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import {
  ASSESSMENT_REPORT_TEMPLATE,
  buildAssessmentReport,
} from "../../core/document/assessment-report/build.js";
import { formatProblem } from "../../core/model/problem.js";
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

export async function runAssessmentReport(values: OptionValues, io: CommandIo): Promise<number> {
  const workbookArg = typeof values.workbook === "string" ? values.workbook : null;
  const outArg = typeof values.out === "string" ? values.out : null;
  if (!workbookArg)
    throw new UserError("give a workbook with --workbook FILE.xlsx", EXIT.unreadable);
  if (!outArg)
    throw new UserError("say where to write the report with --out FILE.docx", EXIT.unreadable);
  requireExtension(outArg, ".docx", "a Word document");
  const workbook = resolve(io.cwd, workbookArg);
  const out = resolve(io.cwd, outArg);
  const stylePath = typeof values.style === "string" ? resolve(io.cwd, values.style) : null;
  const inputs = [workbook, ...(stylePath ? [stylePath] : [])];
  await refuseReadingAndWriting(out, inputs);
  const [instruments, templates, style] = await Promise.all([
    loadInstruments(),
    loadAssessmentTemplate(),
    stylePath ? loadStyle(stylePath) : Promise.resolve(undefined),
  ]);
  const loaded = await loadPartnershipFile(workbook, instruments);
  const built = await buildAssessmentReport({
    partnership: loaded.partnership,
    instruments,
    templates,
    workbookProblems: loaded.problems,
    origins: loaded.origins,
    actionOrigins: loaded.origins.actions,
    mode: values.final === true ? "final" : "draft",
    notes: values["no-notes"] !== true,
    ...(typeof values.round === "string" ? { round: values.round } : {}),
    ...(style ? { style } : {}),
  });
  const lines = built.problems.map(problemLine);
  if (!built.bytes) {
    lines.push(`did not write ${outArg}: fix the problems listed`);
    io.stdout(`${lines.join("\n")}\n`);
    return EXIT.problems;
  }
  await writeFileAtomic(out, built.bytes, { force: values.force === true, protect: inputs });
  lines.push(`wrote ${outArg} (assessment report)`);
  io.stdout(`${lines.join("\n")}\n`);
  return built.problems.some((p) => p.severity === "error") ? EXIT.problems : EXIT.ok;
}
