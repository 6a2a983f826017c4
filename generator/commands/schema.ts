import type { Command } from "../command.js";
import { loadInstruments } from "../instruments.js";
import { workbookSchema, schemaText } from "../../core/layout/schema.js";

const HELP = `Usage: partnership schema [--json]

Prints the workbook contract: each table, its columns, their types and allowed
values, generated from the same blueprint that builds the workbook.

Options:
  --json   Print JSON for scripts instead of text.`;

export const schemaCommand: Command = {
  name: "schema",
  help: HELP,
  options: { json: { type: "boolean", default: false } },
  async run({ values }, io) {
    const schema = workbookSchema(await loadInstruments());
    io.stdout(values.json ? `${JSON.stringify(schema, null, 2)}\n` : schemaText(schema));
    return 0;
  },
};
