import { closeRound } from "../../core/cycle/close-round.js";
import { analyseAssessments } from "../../core/measures/assessment-analysis.js";
import { withSeededActions } from "../../core/measures/assessment-actions.js";
import { EXIT, UserError, type Command } from "../command.js";
import { loadMaster, todayIso, writeMaster } from "../cycle/master.js";

const HELP = `Usage: partnership round close --workbook MASTER.xlsx [--round NAME] [--force]

Closes the current assessment round: every score in the grids (collected from
returns or typed straight in) is stamped into the Assessment history under
the round's name, the round gets today's date as its Closed date, and the
grids are cleared for the next round. A closed round is never written again,
so scoring the next round never destroys the last review.

Options:
  --workbook FILE.xlsx   The master workbook (required).
  --round NAME           The round's name, when none is open (scores typed straight into the grids).
  --force                Close even though some partners have not returned or scored.

Exit status: 0 closed; 1 not closed (nothing to close, partners missing
without --force; the master is unchanged); 2 bad arguments or an unreadable master.`;

export const roundCommand: Command = {
  name: "round",
  help: HELP,
  options: {
    workbook: { type: "string" },
    round: { type: "string" },
    force: { type: "boolean", default: false },
  },
  async run({ values, positionals }, io) {
    const [action, ...rest] = positionals;
    if (action !== "close" || rest.length > 0)
      throw new UserError(
        `expected \`partnership round close --workbook FILE\`, got "${positionals.join(" ") || "nothing"}".`,
        EXIT.unreadable,
      );
    const master = await loadMaster(io.cwd, values.workbook, true);
    const result = closeRound(master.partnership, {
      today: todayIso(),
      ...(typeof values.round === "string" ? { name: values.round } : {}),
      force: values.force === true,
    });
    if (!result.ok) {
      io.stderr(
        `partnership round close: ${result.message}. ${result.hint} ${String(values.workbook)} was not changed.\n`,
      );
      return EXIT.problems;
    }
    // The action plan is seeded from the round just closed; rows an officer wrote are kept as they are.
    const closed = result.partnership;
    const analyses = analyseAssessments(closed, master.instruments, result.round);
    const before = closed.assessmentActions ?? [];
    if (!("error" in analyses)) closed.assessmentActions = withSeededActions(analyses, before);
    const seeded = (closed.assessmentActions?.length ?? 0) - before.length;
    await writeMaster(master, closed);
    io.stdout(
      `Closed round "${result.round}": ${result.stamped} grid scores stamped into the Assessment history; the grids are clear for the next round.\n` +
        (seeded > 0
          ? `Seeded ${seeded} rows of the Actions table from the weakest and contested items.\n`
          : "") +
        (result.notReturned.length ? `Closed without: ${result.notReturned.join(", ")}.\n` : ""),
    );
    return EXIT.ok;
  },
};
