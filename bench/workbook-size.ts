// One benchmark size in its own process, so peak memory belongs to that size alone.
// `tsx bench/workbook-size.ts INDICATORS PERIODS` builds, writes and reads back;
// with a third argument `write` it only builds and writes, as `partnership workbook`
// does, and reports the CPU time of both.
import { buildOperations } from "../core/layout/blueprint.js";
import { readPartnership } from "../core/read/reader.js";
import { loadInstruments } from "../generator/instruments.js";
import { readWorkbookCells } from "../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";
import { syntheticPartnership } from "./synthetic.js";

const indicators = Number(process.argv[2] ?? 10);
const periods = Number(process.argv[3] ?? 12);
const writeOnly = process.argv[4] === "write";
const instruments = await loadInstruments();
const partnership = syntheticPartnership(indicators, periods, 8, instruments);

// One warm-up run so the timings measure the code, not module loading and JIT.
await workbookBytes(buildOperations(syntheticPartnership(5, periods, 8, instruments), instruments));

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return Math.round((used.user + used.system) / 1000);
};
const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

if (writeOnly) {
  // As `partnership workbook` calls it: nothing holds the operations but the writer.
  const started = process.cpuUsage();
  const bytes = await workbookBytes(buildOperations(partnership, instruments));
  process.stdout.write(
    JSON.stringify({
      indicators,
      periods,
      bytes: bytes.length,
      cpuMs: cpuMs(started),
      peakRssMb: peakRssMb(),
    }),
  );
} else {
  const t0 = performance.now();
  const bytes = await workbookBytes(buildOperations(partnership, instruments));
  const t1 = performance.now();
  const cells = await readWorkbookCells(bytes);
  const { problems } = readPartnership(cells, instruments);
  const t2 = performance.now();

  process.stdout.write(
    JSON.stringify({
      indicators,
      periods,
      bytes: bytes.length,
      buildMs: Math.round(t1 - t0),
      readMs: Math.round(t2 - t1),
      problems: problems.length,
      peakRssMb: peakRssMb(),
    }),
  );
}
