// `node --import tsx test/support/write-synthetic-workbook.ts OUT.xlsx INDICATORS`:
// writes a synthetic partnership of that many indicators × 12 periods, as
// `partnership workbook` would. A process of its own, so a test's worker does
// not carry the writer's gigabyte for 50,000 indicators.
import { writeFileSync } from "node:fs";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { syntheticPartnership } from "../../bench/synthetic.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import { loadInstruments } from "../../generator/instruments.js";

const [out, count] = process.argv.slice(2);
if (!out || !count) throw new Error("usage: write-synthetic-workbook.ts OUT.xlsx INDICATORS");
const instruments = await loadInstruments();
writeFileSync(
  out,
  await workbookBytes(
    buildOperations(syntheticPartnership(Number(count), 12, 8, instruments), instruments),
  ),
);
