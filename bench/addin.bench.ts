// `tsx bench/addin.bench.ts`: the add-in's build and read through the Office.js
// interpreter on the in-memory fake Excel, for 10, 100 and 1,000 indicators ×
// 12 periods, 10 partners, every instrument. Prints round trips (the number
// that matters inside Excel), request sizes and the time spent in our code.
import { workbookPlan } from "../core/layout/blueprint.js";
import { readPartnership } from "../core/read/reader.js";
import { readWorkbookCells } from "../addin/excel/read-workbook.js";
import { setUpWorkbook } from "../addin/excel/set-up.js";
import { createFakeExcel } from "../addin/preview/fake-excel/index.js";
import { loadInstruments } from "../generator/instruments.js";
import { syntheticPartnership } from "./synthetic.js";

const instruments = await loadInstruments();
console.log(
  "Add-in (Office.js interpreter on the fake Excel): 12 periods, 10 partners, every instrument",
);
console.log(
  "indicators  build syncs  largest request KB  build ms  read syncs  response KB  read ms",
);
for (const size of [10, 100, 1000]) {
  const partnership = syntheticPartnership(size, 12, 10, instruments);
  const excel = createFakeExcel();
  const build = excel.newContext();
  const t0 = performance.now();
  await setUpWorkbook(build.context, workbookPlan(partnership, instruments));
  const t1 = performance.now();
  const read = excel.newContext();
  const cells = await readWorkbookCells(read.context);
  readPartnership(cells, instruments);
  const t2 = performance.now();
  const kb = (bytes: number[]) => Math.round(Math.max(...bytes) / 1024);
  const responseKb = Math.round(read.stats.responseBytes.reduce((a, b) => a + b, 0) / 1024);
  console.log(
    `${String(size).padStart(10)} ${String(build.stats.syncs).padStart(12)} ${String(kb(build.stats.requestBytes)).padStart(19)} ${String(Math.round(t1 - t0)).padStart(9)} ${String(read.stats.syncs).padStart(11)} ${String(responseKb).padStart(12)} ${String(Math.round(t2 - t1)).padStart(8)}`,
  );
}
console.log("Targets: at most 3 syncs to build and 2 to read, each request under 5,120 KB.");
