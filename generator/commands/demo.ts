import { mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { writeFileAtomic } from "../atomic-write.js";
import { outputError } from "../output/fs-errors.js";
import type { Command } from "../command.js";
import { loadInstruments } from "../instruments.js";
import { generateOne } from "../documents/generate-one.js";
import { loadDocumentTemplates } from "../documents/templates.js";
import { writeReturns } from "../cycle/write-returns.js";
import type { GridInstrument } from "../../core/instruments/types.js";
import { writeAssessmentReport } from "./report-assessment.js";
import { runPerformanceReport } from "./report-performance.js";
import { formatProblem } from "../../core/model/problem.js";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";

const HELP = `Usage: partnership demo [--out-dir DIR]

Writes the fictional Northvale example: the partnership workbook, then its
terms of reference and partnership agreement, the assessment and performance
reports and the partners' returns for the current round, into DIR (default
out/). The
demo owns those files and replaces them on every run.

Options:
  --out-dir DIR   Where to write (default: out).

Exit status: 0 written, 1 a file could not be written (the folder is read-only,
the disk is full, a name is taken by a folder).`;

export const demoCommand: Command = {
  name: "demo",
  help: HELP,
  options: { "out-dir": { type: "string" } },
  async run({ values }, io) {
    const dir = resolve(io.cwd, typeof values["out-dir"] === "string" ? values["out-dir"] : "out");
    await mkdir(dir, { recursive: true }).catch((error: unknown) => {
      throw outputError(error, dir);
    });
    const instruments = await loadInstruments();
    const partnership = examplePartnership(instruments);
    const workbook = join(dir, "northvale-partnership.xlsx");
    await writeFileAtomic(
      workbook,
      await workbookBytes(buildOperations(partnership, instruments)),
      { force: true },
    );
    const shown = (path: string) => relative(io.cwd, path) || path;
    io.stdout(`Example workbook:      ${shown(workbook)}\n`);
    // Drafts: the example deliberately leaves gaps (an objective without a due
    // date) so the draft shows how missing data is marked.
    const templates = await loadDocumentTemplates();
    const labels = {
      agreement: "Partnership agreement",
      "terms-of-reference": "Terms of reference",
    } as const;
    for (const kind of ["agreement", "terms-of-reference"] as const) {
      const out = join(dir, `northvale-${kind}-draft.docx`);
      const result = await generateOne(
        { workbook, out, outDir: null },
        { kind, final: false, notes: true, force: true },
        { instruments, templates },
      );
      if (result.status !== "written") {
        io.stderr(
          `The ${labels[kind].toLowerCase()} was not written: ${result.message ?? result.status}\n`,
        );
        return 1;
      }
      io.stdout(`${`${labels[kind]}:`.padEnd(22)} ${shown(out)}\n`);
    }
    const report = join(dir, "northvale-assessment-report-draft.docx");
    const assessment = await writeAssessmentReport({
      workbook,
      out: report,
      final: false,
      notes: true,
      force: true,
    });
    if (!assessment.written) {
      const why = assessment.problems.filter((p) => p.severity === "error").map(formatProblem);
      io.stderr(`The assessment report was not written: ${why.join("; ")}\n`);
      return 1;
    }
    io.stdout(`${"Assessment report:".padEnd(22)} ${shown(report)}\n`);
    // The board's quarterly report (issue 9), as `partnership report performance` writes it.
    const performance = join(dir, "northvale-performance-report-draft.docx");
    const said: string[] = [];
    await runPerformanceReport(
      { workbook, out: performance, force: true },
      { ...io, stdout: (text) => said.push(text) },
    );
    if (!said.join("").includes("(performance report)")) {
      io.stderr(`The performance report was not written:\n${said.join("")}`);
      return 1;
    }
    io.stdout(`${"Performance report:".padEnd(22)} ${shown(performance)}\n`);
    // The current round's returns, as the officer sends them to partners (issue 8).
    const returnsDir = join(dir, "returns");
    const grids = instruments.filter((i): i is GridInstrument => i.kind === "grid");
    const round = partnership.currentRound ?? "";
    const returns = await writeReturns(partnership, grids, round, false, returnsDir, true);
    io.stdout(
      `${"Partners' returns:".padEnd(22)} ${shown(returnsDir)} (${returns.length} files, round "${round}")\n`,
    );
    io.stdout("Check the workbook with: npx partnership check " + shown(workbook) + "\n");
    return 0;
  },
};
