import { mkdir } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { writeFileAtomic } from "../atomic-write.js";
import type { Command } from "../command.js";
import { loadInstruments } from "../instruments.js";
import { workbookBytes } from "../xlsx/write.js";

const HELP = `Usage: partnership demo [--out-dir DIR]

Writes the fictional Northvale example: the partnership workbook, then its
terms of reference and partnership agreement, into DIR (default out/). The
demo owns those files and replaces them on every run.

Options:
  --out-dir DIR   Where to write (default: out).`;

export const demoCommand: Command = {
  name: "demo",
  summary: "Write the example workbook and its documents to out/.",
  help: HELP,
  options: { "out-dir": { type: "string" } },
  async run({ values }, io) {
    const dir = resolve(io.cwd, typeof values["out-dir"] === "string" ? values["out-dir"] : "out");
    await mkdir(dir, { recursive: true });
    const instruments = await loadInstruments();
    const partnership = examplePartnership(instruments);
    const workbook = join(dir, "northvale-partnership.xlsx");
    await writeFileAtomic(
      workbook,
      await workbookBytes(buildOperations(partnership, instruments)),
      { force: true },
    );
    const shown = (path: string) => relative(io.cwd, path) || path;
    io.stdout(`Example workbook: ${shown(workbook)}\n`);
    return 0;
  },
};
