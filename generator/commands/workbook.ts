import { resolve } from "node:path";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { emptyPartnership } from "../../core/model/empty.js";
import { writeFileAtomic } from "../atomic-write.js";
import { UserError, type Command } from "../command.js";
import { loadInstruments, selectInstruments } from "../instruments.js";
import { requireExtension } from "../output/paths.js";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";

const HELP = `Usage: partnership workbook --out FILE.xlsx [--example] [--partners N] [--instruments LIST|all] [--force]

Builds a partnership workbook: every sheet and table, dropdowns, formats and
formulas, and one assessment grid per instrument.

Options:
  --out FILE.xlsx        Where to write the workbook (required).
  --example              Fill it with the fictional Northvale older people's partnership.
  --partners N           Blank workbook only: how many partner rows (and score columns) to start with (default 5).
  --instruments LIST     Comma-separated instrument ids, or "all" (default). See templates/instruments/.
  --force                Replace FILE.xlsx if it exists.

The workbook is written atomically: a failed run leaves no partial file, and an
existing file is never replaced without --force, even by two runs at once.

Exit status: 0 written, 1 not written (the file exists, or cannot be written
there), 2 bad arguments (an unknown instrument id, a name not ending in .xlsx).

Examples:
  partnership workbook --out northvale.xlsx --example
  partnership workbook --out new.xlsx --partners 6 --instruments audit_commission,eight_is`;

export const workbookCommand: Command = {
  name: "workbook",
  help: HELP,
  options: {
    out: { type: "string" },
    example: { type: "boolean", default: false },
    partners: { type: "string" },
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
    const all = await loadInstruments();
    const instruments = selectInstruments(all, values.instruments as string | undefined);
    const partnership = values.example ? examplePartnership(all) : emptyPartnership(partnerCount);
    const bytes = await workbookBytes(buildOperations(partnership, instruments));
    const path = resolve(io.cwd, out);
    await writeFileAtomic(path, bytes, { force: values.force === true });
    const kind = values.example ? "example" : "blank";
    io.stdout(
      `Wrote ${out}: ${kind} workbook with ${partnership.partners.length} partners and ${instruments.length} assessment instruments.\n`,
    );
    return 0;
  },
};
