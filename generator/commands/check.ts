import { resolve } from "node:path";
import { formatProblem, hasErrors } from "../../core/model/problem.js";
import { summarise } from "../../core/measures/summary.js";
import { summaryLines } from "../../core/measures/summary-text.js";
import { UserError, type Command } from "../command.js";
import { loadInstruments } from "../instruments.js";
import { loadPartnershipFile } from "../load.js";
import { checkJsonHelp } from "./check-json.js";

const HELP = `Usage: partnership check FILE.xlsx [--json]

Reads a partnership workbook, lists every problem with its sheet and cell, and
summarises it: indicators by RAG, finance totals and ratios, the weakest
assessment items and the objectives that are not yet SMART.

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 file unreadable.

Options:
  --json   Print {file, errors, warnings, problems, summary} as JSON for scripts.

${checkJsonHelp()}`;

export const checkCommand: Command = {
  name: "check",
  summary: "Check a workbook: located problems and a short summary.",
  help: HELP,
  options: { json: { type: "boolean", default: false } },
  async run({ values, positionals }, io) {
    if (positionals.length !== 1)
      throw new UserError("give exactly one workbook: partnership check FILE.xlsx", 2);
    const file = positionals[0] ?? "";
    const instruments = await loadInstruments();
    const { partnership, problems } = await loadPartnershipFile(resolve(io.cwd, file), instruments);
    const summary = summarise(partnership, instruments);
    const errors = problems.filter((p) => p.severity === "error").length;
    const warnings = problems.length - errors;
    if (values.json) {
      io.stdout(`${JSON.stringify({ file, errors, warnings, problems, summary }, null, 2)}\n`);
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
      out.push(...summaryLines(summary, partnership.indicators.length));
      io.stdout(`${out.join("\n")}\n`);
    }
    return hasErrors(problems) ? 1 : 0;
  },
};
