import { resolve } from "node:path";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import {
  financialYearPlan,
  PERIOD_LENGTHS,
  periodsOf,
  planProblem,
  type PeriodLength,
  type PeriodPlan,
} from "../../core/measures/periods.js";
import { emptyPartnership } from "../../core/model/empty.js";
import { writeFileAtomic } from "../atomic-write.js";
import { UserError, type Command } from "../command.js";
import { loadInstruments, selectInstruments } from "../instruments.js";
import { requireExtension } from "../output/paths.js";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";

const HELP = `Usage: partnership workbook --out FILE.xlsx [--example] [--partners N] [--period-length month|quarter|year] [--start YYYY-MM-DD] [--periods N] [--instruments LIST|all] [--force]

Builds a partnership workbook: every sheet and table, dropdowns, formats and
formulas, and one assessment grid per instrument.

Options:
  --out FILE.xlsx        Where to write the workbook (required).
  --example              Fill it with the fictional Northvale older people's partnership.
  --partners N           Blank workbook only: how many partner rows (and score columns) to start with (default 5).
  --period-length L      Blank workbook only: month, quarter (default) or year; one length for every
                         indicator, whose Frequency says which periods it reports in.
  --start YYYY-MM-DD     Blank workbook only: the first period's first day (default: 1 April of this
                         financial year). Months start on the 1st; quarters on 1 Jan, Apr, Jul or Oct;
                         years on 1 Jan or 1 Apr, so each period heading says its dates.
  --periods N            Blank workbook only: how many period columns (default: a year's worth;
                         3 for years; at most 120).
  --instruments LIST     Comma-separated instrument ids, or "all" (default). See templates/instruments/.
  --force                Replace FILE.xlsx if it exists.

The workbook is written atomically: a failed run leaves no partial file, and an
existing file is never replaced without --force, even by two runs at once.

Exit status: 0 written, 1 not written (the file exists, or cannot be written
there), 2 bad arguments (an unknown instrument id, a name not ending in .xlsx).

Examples:
  partnership workbook --out northvale.xlsx --example
  partnership workbook --out new.xlsx --partners 6 --instruments audit_commission,eight_is
  partnership workbook --out monthly.xlsx --period-length month --start 2025-04-01 --periods 24`;

const PLAN_FLAGS = ["period-length", "start", "periods"] as const;

/**
 * The periods a blank workbook gets: as the flags say, each defaulting to
 * this financial year's quarters; null for the example, which has its own.
 */
function periodPlanOf(values: Record<string, unknown>, today: string): PeriodPlan | null {
  const given = PLAN_FLAGS.filter((flag) => values[flag] !== undefined);
  if (values.example) {
    if (given.length > 0)
      throw new UserError(
        `--${given[0]} applies to a blank workbook; the example has its own monthly periods.`,
        2,
      );
    return null;
  }
  const length = values["period-length"] ?? "quarter";
  if (!PERIOD_LENGTHS.includes(length as PeriodLength))
    throw new UserError(
      `--period-length must be month, quarter or year, got "${String(length)}".`,
      2,
    );
  const fallback = financialYearPlan(today, length as PeriodLength);
  const plan: PeriodPlan = {
    length: length as PeriodLength,
    start: typeof values.start === "string" ? values.start : fallback.start,
    count: values.periods === undefined ? fallback.count : Number(values.periods),
  };
  const problem = planProblem(plan);
  if (problem !== null) throw new UserError(problem, 2);
  return plan;
}

export const workbookCommand: Command = {
  name: "workbook",
  help: HELP,
  options: {
    out: { type: "string" },
    example: { type: "boolean", default: false },
    partners: { type: "string" },
    "period-length": { type: "string" },
    start: { type: "string" },
    periods: { type: "string" },
    instruments: { type: "string" },
    force: { type: "boolean", default: false },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      throw new UserError(
        `unexpected argument "${positionals[0]}". Did you mean --out ${positionals[0]}?`,
        2,
      );
    const out = values.out;
    if (typeof out !== "string" || out === "")
      throw new UserError("--out FILE.xlsx is required.", 2);
    requireExtension(out, ".xlsx", "an Excel workbook");
    let partnerCount = 5;
    if (values.partners !== undefined) {
      if (values.example)
        throw new UserError(
          "--partners applies to a blank workbook; the example has its own partners.",
          2,
        );
      partnerCount = Number(values.partners);
      if (!Number.isInteger(partnerCount) || partnerCount < 1 || partnerCount > 50) {
        throw new UserError(
          `--partners must be a whole number from 1 to 50, got "${String(values.partners)}".`,
          2,
        );
      }
    }
    const today = new Date().toISOString().slice(0, 10);
    const plan = periodPlanOf(values, today);
    const all = await loadInstruments();
    const instruments = selectInstruments(all, values.instruments as string | undefined);
    const partnership = values.example ? examplePartnership(all) : emptyPartnership(partnerCount);
    if (plan !== null) partnership.periods = periodsOf(plan).map((period) => period.label);
    // Overdue returns are judged as at today, the day the workbook is written.
    const bytes = await workbookBytes(buildOperations(partnership, instruments, { asAt: today }));
    const path = resolve(io.cwd, out);
    await writeFileAtomic(path, bytes, { force: values.force === true });
    const kind = values.example ? "example" : "blank";
    const periods = partnership.periods;
    io.stdout(
      `Wrote ${out}: ${kind} workbook with ${partnership.partners.length} partners and ${instruments.length} assessment instruments; ${periods.length} periods, ${periods[0]} to ${periods.at(-1)}.\n`,
    );
    return 0;
  },
};
