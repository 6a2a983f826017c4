import { randomInt } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { basename, join, relative, resolve } from "node:path";
import { collectReturns } from "../../core/cycle/collect.js";
import type { ReturnCells } from "../../core/cycle/return-cells.js";
import { returnProblem } from "../../core/cycle/return-details.js";
import { shuffleWith } from "../../core/cycle/respondents.js";
import { formatProblem, type Problem } from "../../core/model/problem.js";
import { readReturnCells } from "../../adapters/exceljs/return-read.js";
import { checkFileSize } from "../../adapters/exceljs/file-signature.js";
import { EXIT, UserError, type Command } from "../command.js";
import { loadMaster, todayIso, writeMaster } from "../cycle/master.js";

const HELP = `Usage: partnership collect --workbook MASTER.xlsx --returns DIR|FILE... [--force] [--json]

Reads partners' returns (made by \`partnership returns\`, under any file name)
and writes their scores into the master's current round: into the grids and
the Assessment history (in an anonymous round, into the history only, under
Respondent 1…N in an order that follows neither partners nor files).

Every problem is named at its place, "return file: Sheet!Cell": scores
outside the scale, text in a score cell, a return from another round or
partnership, an unknown partner, two returns from one partner, edited
statements. A score already in the master is never changed unless --force:
a differing one is reported as a conflict. Then who has returned and who has
not. The master is only written when there is no error: otherwise it is left
byte for byte as it was.

Options:
  --workbook FILE.xlsx   The master workbook (required).
  --returns DIR|FILE     A folder of returns, or return files; repeat it, or list more files after it.
  --force                Replace scores in the master that differ from a return's.
  --json                 Print {workbook, round, anonymous, written, errors, warnings, problems,
                         returned, notReturned, scores, replaced} instead of text.

Exit status: 0 collected; 1 problems found (the master is unchanged);
2 bad arguments or an unreadable master.`;

/** Return files named on the command line: folders give their .xlsx files, in name order. */
async function returnPaths(cwd: string, given: readonly string[]): Promise<string[]> {
  const paths: string[] = [];
  for (const item of given) {
    const path = resolve(cwd, item);
    const info = await stat(path).catch(() => null);
    if (!info) throw new UserError(`Cannot read ${item}: no such file or folder.`, EXIT.unreadable);
    if (info.isDirectory()) {
      const names = (await readdir(path))
        .filter(
          (n) => n.toLowerCase().endsWith(".xlsx") && !n.startsWith("~$") && !n.startsWith("."),
        )
        .sort();
      paths.push(...names.map((n) => join(path, n)));
    } else paths.push(path);
  }
  return paths;
}

async function readReturn(path: string, file: string): Promise<ReturnCells | Problem> {
  try {
    const info = await stat(path);
    checkFileSize(info.size);
    return await readReturnCells(file, new Uint8Array(await readFile(path)));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return returnProblem(
      file,
      "",
      "",
      `The file cannot be read: ${why}`,
      "Ask the partner to save it again as .xlsx.",
    );
  }
}

export const collectCommand: Command = {
  name: "collect",
  help: HELP,
  options: {
    workbook: { type: "string" },
    returns: { type: "string", multiple: true },
    force: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
  async run({ values, positionals }, io) {
    const given = [...((values.returns as string[] | undefined) ?? []), ...positionals];
    if (given.length === 0)
      throw new UserError(
        "--returns DIR|FILE is required: the folder or files of returns to collect.",
        EXIT.unreadable,
      );
    const master = await loadMaster(io.cwd, values.workbook, true);
    const paths = await returnPaths(io.cwd, given);
    if (paths.length === 0)
      throw new UserError(`No .xlsx returns found in ${given.join(", ")}.`, EXIT.problems);
    const unreadable: Problem[] = [];
    const returns: ReturnCells[] = [];
    for (const path of paths) {
      const file = relative(io.cwd, path) || basename(path);
      const read = await readReturn(path, file);
      if ("severity" in read) unreadable.push(read);
      else returns.push(read);
    }
    const result = collectReturns(master.partnership, master.instruments, returns, {
      force: values.force === true,
      today: todayIso(),
      shuffle: (items) => shuffleWith(items, (bound) => randomInt(bound)),
    });
    const problems = [...unreadable, ...result.problems];
    const errors = problems.filter((p) => p.severity === "error").length;
    const written = errors === 0 && result.partnership !== null;
    if (written && result.partnership) await writeMaster(master, result.partnership);
    const workbook = String(values.workbook);
    if (values.json === true) {
      io.stdout(
        `${JSON.stringify(
          {
            workbook,
            round: result.round,
            anonymous: result.anonymous,
            written,
            errors,
            warnings: problems.length - errors,
            problems: problems.map((p) => {
              const [file, sheet] = p.sheet.includes(": ") ? p.sheet.split(": ", 2) : [p.sheet, ""];
              return {
                severity: p.severity,
                file,
                sheet,
                cell: p.cell,
                message: p.message,
                hint: p.hint ?? "",
              };
            }),
            returned: result.returned,
            notReturned: result.notReturned,
            scores: written ? result.scores : 0,
            replaced: written ? result.replaced : 0,
          },
          null,
          2,
        )}\n`,
      );
    } else {
      for (const p of problems) io.stdout(`${p.severity.padEnd(7)} ${formatProblem(p)}\n`);
      const total = result.returned.length + result.notReturned.length;
      io.stdout(
        `\nRound "${result.round}"${result.anonymous ? " (anonymous)" : ""}: ${result.returned.length} of ${total} partners have returned${result.returned.length ? `: ${result.returned.join(", ")}` : ""}.\n` +
          (result.notReturned.length
            ? `Not yet returned: ${result.notReturned.join(", ")}.\n`
            : "Every partner has returned.\n"),
      );
      io.stdout(
        written
          ? `Collected ${returns.length} return${returns.length === 1 ? "" : "s"} (${result.scores} scores${result.replaced ? `, ${result.replaced} replaced` : ""}) into ${workbook}.\n`
          : `${workbook} was not changed: ${errors} error${errors === 1 ? "" : "s"} above. Fix them (or send fresh returns) and collect again.\n`,
      );
    }
    return written ? EXIT.ok : EXIT.problems;
  },
};
