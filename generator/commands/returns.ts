import { relative, resolve } from "node:path";
import type { GridInstrument } from "../../core/instruments/types.js";
import { EXIT, UserError, type Command } from "../command.js";
import { selectInstruments } from "../instruments.js";
import { loadMaster } from "../cycle/master.js";
import { writeReturns } from "../cycle/write-returns.js";

const HELP = `Usage: partnership returns --workbook MASTER.xlsx --round NAME --out-dir DIR
                           [--instruments LIST|all] [--anonymous] [--force]

Writes one small return workbook per partner, DIR/<short name>.xlsx, for the
assessment round NAME: the instruments' statements with a Score dropdown and
an optional Comment per statement, the scale's key, the partnership, partner
and round at the top, plain instructions. Nothing else in a return can be
edited (sheets protected without a password), and the round and partner are
recorded inside the file, so a renamed return is still recognised by
\`partnership collect\`. The master is not changed.

Options:
  --workbook FILE.xlsx   The partnership's master workbook (required).
  --round NAME           The round's name, for example "2026 review" (required).
                         When the master has a round open, it must be that one.
  --out-dir DIR          Where to write the returns (required).
  --instruments LIST     Comma-separated ids of the master's grids, or "all" (default).
  --anonymous            Scores will be stored under Respondent 1…N, with no link to partners.
  --force                Replace returns already in DIR.

Exit status: 0 written; 1 not written (a return exists, or cannot be written);
2 bad arguments or an unreadable master.

Example:
  partnership returns --workbook northvale.xlsx --round "2027 review" --out-dir returns`;

export const returnsCommand: Command = {
  name: "returns",
  help: HELP,
  options: {
    workbook: { type: "string" },
    round: { type: "string" },
    "out-dir": { type: "string" },
    instruments: { type: "string" },
    anonymous: { type: "boolean", default: false },
    force: { type: "boolean", default: false },
  },
  async run({ values, positionals }, io) {
    if (positionals.length > 0)
      throw new UserError(`unexpected argument "${positionals[0]}".`, EXIT.unreadable);
    const round = typeof values.round === "string" ? values.round.trim() : "";
    if (!round)
      throw new UserError(
        '--round NAME is required (for example --round "2026 review").',
        EXIT.unreadable,
      );
    const outDir = values["out-dir"];
    if (typeof outDir !== "string" || outDir === "")
      throw new UserError("--out-dir DIR is required.", EXIT.unreadable);
    const master = await loadMaster(io.cwd, values.workbook, false);
    const { partnership } = master;
    const grids = master.instruments.filter((i): i is GridInstrument => i.kind === "grid");
    const chosen = selectInstruments(
      grids,
      values.instruments as string | undefined,
    ) as GridInstrument[];
    if (chosen.length === 0)
      throw new UserError("The master has no assessment grids to make returns for.", EXIT.problems);
    const current = partnership.currentRound ?? "";
    if (current && current !== round)
      throw new UserError(
        `The master's current round is "${current}", not "${round}". Make returns for "${current}", or close it first (partnership round close).`,
        EXIT.problems,
      );
    const closed = partnership.assessmentRounds?.find((r) => r.name === round && r.closed !== null);
    if (closed)
      throw new UserError(
        `The round "${round}" was closed on ${closed.closed ?? ""}; name the new round differently.`,
        EXIT.problems,
      );
    const open = partnership.assessmentRounds?.find((r) => r.name === round);
    const anonymous = values.anonymous === true;
    if (open && open.anonymous !== anonymous)
      throw new UserError(
        `The round "${round}" is ${open.anonymous ? "" : "not "}anonymous in the master; ${anonymous ? "leave out" : "add"} --anonymous.`,
        EXIT.unreadable,
      );

    const dir = resolve(io.cwd, outDir);
    const files = await writeReturns(
      partnership,
      chosen,
      round,
      anonymous,
      dir,
      values.force === true,
    );
    io.stdout(
      `Wrote ${files.length} returns for round "${round}"${anonymous ? " (anonymous)" : ""} into ${relative(io.cwd, dir) || "."}: ${chosen.length} instrument${chosen.length === 1 ? "" : "s"}, ${chosen.reduce((n, i) => n + i.sections.reduce((m, s) => m + s.statements.length, 0), 0)} statements each.\n` +
        `Send each partner its file; then run: partnership collect --workbook ${String(values.workbook)} --returns ${relative(io.cwd, dir) || "."}\n`,
    );
    return 0;
  },
};
