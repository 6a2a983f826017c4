import { EXIT, UserError, type Command, type CommandIo, type OptionValues } from "../command.js";
import { didYouMean } from "../suggest.js";

/**
 * `partnership report <kind>`: the board's reports, one subcommand each in
 * its own module (report-<kind>.ts), loaded only when asked for. A new
 * report is a new entry in REPORTS and its options in REPORT_OPTIONS.
 */

export interface ReportKind {
  name: string;
  /** One line for `report --help`. */
  summary: string;
  /** Its own `--help` lines, after the shared usage line. */
  help: string;
  load: () => Promise<(values: OptionValues, io: CommandIo) => Promise<number>>;
}

export const REPORTS: readonly ReportKind[] = [
  {
    name: "assessment",
    summary: "The partnership assessment report for one round (Word).",
    help: "partnership report assessment --workbook F.xlsx --out F.docx [--round NAME] [--final] [--no-notes] [--style HOUSE.docx] [--force]",
    load: async () => (await import("./report-assessment.js")).runAssessmentReport,
  },
  {
    name: "performance",
    summary: "The board's performance report for one period: RAG, SPC, finance (Word; PDF too).",
    help: "partnership report performance --workbook F.xlsx --out F.docx [--period NAME] [--final] [--no-notes] [--style HOUSE.docx] [--force] [--pdf]",
    load: async () => (await import("./report-performance.js")).runPerformanceReport,
  },
];

const REPORT_OPTIONS: Command["options"] = {
  workbook: { type: "string" },
  out: { type: "string" },
  round: { type: "string" },
  period: { type: "string" },
  pdf: { type: "boolean" },
  final: { type: "boolean" },
  "no-notes": { type: "boolean" },
  style: { type: "string" },
  force: { type: "boolean" },
};

function help(): string {
  const width = Math.max(...REPORTS.map((r) => r.name.length));
  return [
    "Usage: partnership report <kind> --workbook FILE.xlsx --out FILE.docx [options]",
    "",
    "Writes a Word report for the board from a partnership workbook.",
    "",
    "Reports:",
    ...REPORTS.map((r) => `  ${r.name.padEnd(width)}  ${r.summary}`),
    "",
    ...REPORTS.map((r) => r.help),
    "",
    "Options:",
    "  --workbook FILE.xlsx  The partnership workbook to read.",
    "  --out FILE.docx       Where to write the report.",
    "  --round NAME          assessment: the round to report on (default: the open round).",
    "  --period NAME         performance: the period to report on, a period column's header",
    "                        (default: the last period).",
    "  --pdf                 performance: also write FILE.pdf beside the .docx, through LibreOffice",
    "                        when it is installed (says so plainly when it is not).",
    "  --final               Final report: no watermark or notes; refuse while anything is missing.",
    "  --no-notes            Leave the missing-value comments out of a draft.",
    "  --style HOUSE.docx    Take fonts and heading styles from a reference Word document.",
    "  --force               Replace an existing output file.",
    "",
    "A draft (the default) shows anything missing as a highlighted [MISSING: ...] with a",
    "comment naming the cell to fill. Output is written atomically and is byte-for-byte",
    "the same for the same workbook and templates; an existing file is never replaced",
    "without --force. The wording is in templates/documents/<kind>-report.md.hbs.",
    "",
    "Exit status: 0 written, 1 problems (a report refused or not written), 2 unreadable",
    "input or bad arguments.",
    "",
    "Example:",
    "  partnership report assessment --workbook board.xlsx --out assessment.docx --round 2026",
  ].join("\n");
}

export const reportCommand: Command = {
  name: "report",
  help: help(),
  options: REPORT_OPTIONS,
  async run({ values, positionals }, io) {
    const [kind, ...extra] = positionals;
    const names = REPORTS.map((r) => r.name);
    if (kind === undefined)
      throw new UserError(
        `say which report: ${names.join(" or ")} (see \`partnership report --help\`).`,
        EXIT.unreadable,
      );
    const report = REPORTS.find((r) => r.name === kind);
    if (!report)
      throw new UserError(
        `"${kind}" is not a report.${didYouMean(kind, names)} The reports are ${names.join(", ")}.`,
        EXIT.unreadable,
      );
    if (extra.length > 0)
      throw new UserError(
        `unexpected argument "${extra[0]}" after the report's name.`,
        EXIT.unreadable,
      );
    return (await report.load())(values, io);
  },
};
