// `tsx bench/write.bench.ts` (part of `npm run bench`): writing a big workbook.
// Ours: workbookBytes for 10,000 indicators × 12 periods (the whole workbook:
// every sheet, every instrument, formulas, styles, validations, charts),
// against exceljs writing only the Indicators rows as a plain table of values
// (writeBuffer, no styles, no formulas). The machine is shared, so costs are
// CPU time (process.cpuUsage), in interleaved rounds, warm; the ratio is the
// median round's. Targets: writing at most 1.2 times exceljs's plain table;
// 50,000 indicators under 1 GB peak RSS; time growing linearly with size.
// Peak memory and growth come from one child process per size
// (workbook-size.ts in its `write` mode, so each peak is that size's alone).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { buildOperations } from "../core/layout/blueprint.js";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";
import { loadInstruments } from "../generator/instruments.js";
import { plainIndicatorTable, syntheticPartnership } from "./synthetic.js";

const INDICATORS = 10_000;
const PERIODS = 12;
const ROUNDS = 5;
const SIZES = [10_000, 20_000, 50_000];
const TARGET_RATIO = 1.2;
const TARGET_PEAK_MB = 1024;

const instruments = await loadInstruments();
const partnership = syntheticPartnership(INDICATORS, PERIODS, 8, instruments);

const plainTableBytes = () => plainIndicatorTable(partnership);

async function cpuMs(work: () => Promise<unknown>): Promise<number> {
  const started = process.cpuUsage();
  await work();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

// Warm both sides: measure the code, not module loading and JIT.
const operations = buildOperations(partnership, instruments);
await plainTableBytes();
await workbookBytes(operations);

const rounds: { plain: number; write: number; blueprint: number }[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const plain = await cpuMs(plainTableBytes);
  let built: typeof operations = [];
  const blueprint = await cpuMs(async () => {
    built = buildOperations(partnership, instruments);
  });
  const write = await cpuMs(() => workbookBytes(built));
  rounds.push({ plain, write, blueprint });
}
const ratio = median(rounds.map((r) => r.write / r.plain));
const withBlueprint = median(rounds.map((r) => (r.write + r.blueprint) / r.plain));
const ms = (values: number[]) => Math.round(median(values));

console.log(
  `Writing ${INDICATORS.toLocaleString("en-GB")} indicators × ${PERIODS} periods (CPU ms, median of ${ROUNDS} interleaved rounds)`,
);
console.log(`  our write (workbookBytes), whole workbook: ${ms(rounds.map((r) => r.write))} ms`);
console.log(`  exceljs, writing a plain table of the rows: ${ms(rounds.map((r) => r.plain))} ms`);
console.log(
  `  ratio ×${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}) ${ratio <= TARGET_RATIO ? "OK" : "MISSED"}`,
);
console.log(
  `  the blueprint before it (buildOperations): ${ms(rounds.map((r) => r.blueprint))} ms; blueprint + write ×${withBlueprint.toFixed(2)}`,
);

interface SizeResult {
  indicators: number;
  bytes: number;
  cpuMs: number;
  peakRssMb: number;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
console.log("");
console.log(
  "Growth, one process per size (as `partnership workbook` runs: blueprint + write): CPU, size, peak RSS",
);
const sizes: SizeResult[] = [];
for (const size of SIZES) {
  const out = execFileSync(
    tsx,
    [`${here}workbook-size.ts`, String(size), String(PERIODS), "write"],
    {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    },
  );
  const r = JSON.parse(out) as SizeResult;
  sizes.push(r);
  console.log(
    `${r.indicators.toLocaleString("en-GB").padStart(8)} indicators  ${String(r.cpuMs).padStart(6)} ms  ${String(Math.round(r.bytes / 1024)).padStart(6)} KB  ${String(r.peakRssMb).padStart(5)} MB`,
  );
}
const first = sizes[0];
const last = sizes[sizes.length - 1];
if (first && last) {
  const perThousand = (r: SizeResult) => (r.cpuMs / r.indicators) * 1000;
  console.log(
    `  per 1,000 indicators: ${sizes.map((r) => Math.round(perThousand(r))).join(" / ")} ms (linear: about equal)`,
  );
  console.log(
    `  peak at ${last.indicators.toLocaleString("en-GB")}: ${last.peakRssMb} MB (target < ${TARGET_PEAK_MB} MB) ${last.peakRssMb < TARGET_PEAK_MB ? "OK" : "MISSED"}`,
  );
}
