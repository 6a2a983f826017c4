import { resolve } from "node:path";
import { formatProblem } from "../../core/model/problem.js";
import { parseIsoDate } from "../../core/measures/periods.js";
import { summaryLines } from "../../core/measures/summary-text.js";
import { checkPartnership, type CheckReport } from "../../core/use-cases/check.js";
import { UserError, type Command } from "../command.js";
import { loadDocumentTemplates } from "../documents/templates.js";
import { loadInstruments } from "../instruments.js";
import { loadPartnershipFile } from "../load.js";
import { checkJsonHelp } from "./check-json.js";

const HELP = `Usage: partnership check FILE.xlsx [--json] [--as-at YYYY-MM-DD]

Reads a partnership workbook, lists every problem with its sheet and cell, and
summarises it: indicators by RAG, finance totals and ratios, the weakest
assessment items and the objectives that are not yet SMART.

It also lists, as warnings "needed for a final document", every value the
document the arrangement needs (what \`generate auto\` makes) would refuse a
final version for. With no errors and no such warnings, \`generate auto
--final\` makes the document.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 file unreadable.

Options:
  --json   Print {file, errors, warnings, problems, document, finalGaps,
           finalReady, summary} as JSON for scripts.
  --as-at YYYY-MM-DD
           The day overdue returns, Red twice running, past-due objectives
           and overdue actions are judged at (default: today), e.g. the date
           of the board meeting the check is for.

${checkJsonHelp()}`;

const DOCUMENT_NAME = { "terms-of-reference": "terms of reference", agreement: "agreement" };

/** Whether `generate auto --final` would make the document, in one line. */
function finalLine(report: CheckReport): string {
  const document = DOCUMENT_NAME[report.document];
  if (report.finalReady) return `Final ${document}: ready (generate auto --final).`;
  const reasons = [
    report.errors > 0 ? "the errors fixed" : "",
    report.finalGaps > 0
      ? `${report.finalGaps} value${report.finalGaps === 1 ? "" : "s"} filled in`
      : "",
  ].filter(Boolean);
  return `Final ${document}: needs ${reasons.join(" and ")} (a draft can be made now).`;
}

function asAtOf(given: unknown): string | undefined {
  if (given === undefined) return undefined;
  if (typeof given !== "string" || !parseIsoDate(given))
    throw new UserError(
      `--as-at must be a date written YYYY-MM-DD (for example 2026-03-31), got "${String(given)}".`,
      2,
    );
  return given;
}

export const checkCommand: Command = {
  name: "check",
  help: HELP,
  options: { json: { type: "boolean", default: false }, "as-at": { type: "string" } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1)
      throw new UserError("give exactly one workbook: partnership check FILE.xlsx", 2);
    const file = positionals[0] ?? "";
    const [instruments, templates] = await Promise.all([
      loadInstruments(),
      loadDocumentTemplates(),
    ]);
    const loaded = await loadPartnershipFile(resolve(io.cwd, file), instruments);
    const report = checkPartnership(loaded, instruments, templates, asAtOf(values["as-at"]));
    const { problems, errors, warnings, summary } = report;
    if (values.json) {
      const { document, finalGaps, finalReady } = report;
      const json = { file, errors, warnings, problems, document, finalGaps, finalReady, summary };
      io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    } else {
      const out: string[] = [];
      for (const problem of problems)
        out.push(
          `${problem.severity === "error" ? "error  " : "warning"} ${formatProblem(problem)}`,
        );
      if (problems.length) out.push("");
      out.push(
        `${file}: ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`,
      );
      out.push(finalLine(report));
      out.push(...summaryLines(summary, loaded.partnership.indicators.length));
      io.stdout(`${out.join("\n")}\n`);
    }
    return errors > 0 ? 1 : 0;
  },
};
