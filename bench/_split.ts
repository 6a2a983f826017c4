import { readFile } from "node:fs/promises";
import { loadPartnershipFile } from "../generator/load.js";
import { loadInstruments } from "../generator/instruments.js";
import { readWorkbookCells } from "../adapters/exceljs/read-workbook.js";
import { readPartnership } from "../core/read/reader.js";
const instruments = await loadInstruments();
const file = "/tmp/jobs/example.xlsx";
const cpu = async (f: () => Promise<unknown>, n: number) => {
  for (let i = 0; i < 20; i++) await f();
  const s = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const u = process.cpuUsage(s);
  return ((u.user + u.system) / 1000 / n).toFixed(1);
};
const bytes = await readFile(file);
console.log("load file total", await cpu(() => loadPartnershipFile(file, instruments), 40));
console.log("cells only", await cpu(() => readWorkbookCells(bytes), 40));
const cells = await readWorkbookCells(bytes);
console.log("readPartnership only", await cpu(async () => readPartnership(cells, instruments), 40));
