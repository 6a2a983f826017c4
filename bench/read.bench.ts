// `tsx bench/read.bench.ts`: reading a large workbook. Our read + validate of
// 10,000 indicators × 12 periods (the whole workbook, every instrument),
// against exceljs merely loading a plain table of the same rows and taking
// its values. Target: at most 1.2 times exceljs. Each side runs warm, best of five.
import ExcelJS from "exceljs";
import { buildOperations } from "../core/layout/blueprint.js";
import { readPartnership } from "../core/read/reader.js";
import { readWorkbookCells } from "../adapters/exceljs/read-workbook.js";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";
import { loadInstruments } from "../generator/instruments.js";
import { plainIndicatorTable, syntheticPartnership } from "./synthetic.js";

const INDICATORS = Number(process.argv[2] ?? 10_000);
const PERIODS = 12;
const RUNS = 5;

const instruments = await loadInstruments();
const partnership = syntheticPartnership(INDICATORS, PERIODS, 8, instruments);
const ours = await workbookBytes(buildOperations(partnership, instruments));

const plainTableBytes = () => plainIndicatorTable(partnership);

async function exceljsRead(bytes: Uint8Array): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
  );
  let cells = 0;
  workbook.getWorksheet("Indicators")?.eachRow((row) => {
    row.eachCell(() => cells++);
  });
  return cells;
}

/** Best of RUNS for each, the two taking turns so that a busy machine slows both alike. */
async function bestOfEach(...runs: (() => Promise<unknown>)[]): Promise<number[]> {
  for (const run of runs) await run(); // warm-up: measure the code, not module loading and JIT
  const fastest = runs.map(() => Infinity);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, run] of runs.entries()) {
      const t0 = performance.now();
      await run();
      fastest[k] = Math.min(fastest[k] ?? Infinity, performance.now() - t0);
    }
  }
  return fastest.map(Math.round);
}

const plain = await plainTableBytes();
const [oursMs = 0, exceljsMs = 0] = await bestOfEach(
  async () => {
    const { problems } = readPartnership(await readWorkbookCells(ours), instruments);
    if (problems.some((p) => p.severity === "error"))
      throw new Error("benchmark workbook has errors");
  },
  () => exceljsRead(plain),
);
const ratio = oursMs / Math.max(exceljsMs, 1);
console.log(
  `Reading ${INDICATORS.toLocaleString("en-GB")} indicators × ${PERIODS} periods (${Math.round(ours.length / 1024)} KB; plain table ${Math.round(plain.length / 1024)} KB)`,
);
console.log(`  our read + validate, whole workbook: ${oursMs} ms`);
console.log(`  exceljs, load a plain table:         ${exceljsMs} ms`);
console.log(`  ratio ×${ratio.toFixed(2)} (target ≤ 1.2) ${ratio <= 1.2 ? "OK" : "MISSED"}`);
console.log(`  peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
