// The assessment cycle (issue 8): 10 partners × every instrument. Writing the
// returns and collecting them, each against a 2 s target (printed, not asserted).
import { mkdtempSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import ExcelJS from "exceljs";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";
import { RETURN_GRID, START_SHEET } from "../core/cycle/return-form.js";
import { buildOperations } from "../core/layout/blueprint.js";
import { emptyPartnership } from "../core/model/empty.js";
import { loadInstruments } from "../generator/instruments.js";
import { main } from "../generator/cli.js";

const dir = mkdtempSync(join(tmpdir(), "pw-bench-cycle-"));
const quiet = {
  stdout: (t: string) => {
    if (process.env.BENCH_DEBUG) process.stdout.write(t);
  },
  stderr: (t: string) => process.stderr.write(t),
  isTTY: false,
  cwd: dir,
};
try {
  const instruments = await loadInstruments();
  const partnership = emptyPartnership(10);
  partnership.details.name = "Bench Partnership";
  await writeFile(
    join(dir, "master.xlsx"),
    await workbookBytes(buildOperations(partnership, instruments)),
  );
  const grids = instruments.filter((i) => i.kind === "grid").length;

  // CPU time beside the wall clock: on a busy shared machine the wall clock mostly measures waiting.
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return Math.round((used.user + used.system) / 1000);
  };
  let cpu = process.cpuUsage();
  let start = performance.now();
  let code = await main(
    ["returns", "--workbook", "master.xlsx", "--round", "Bench", "--out-dir", "returns"],
    quiet,
  );
  const writeMs = Math.round(performance.now() - start);
  const writeCpu = cpuMs(cpu);
  if (code !== 0) throw new Error(`returns exited ${code}`);

  for (let p = 1; p <= 10; p++) {
    const file = join(dir, "returns", `Partner ${p}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    for (const sheet of workbook.worksheets) {
      if (sheet.state !== "visible" || sheet.name === START_SHEET) continue;
      for (let row = RETURN_GRID.firstRow; sheet.getCell(row, RETURN_GRID.statement).value; row++) {
        const cell = sheet.getCell(row, RETURN_GRID.score);
        // The dropdown's own list ("1,2,3,4"): each instrument has its scale.
        const choices = String(cell.dataValidation.formulae?.[0] ?? "")
          .replace(/"/g, "")
          .split(",");
        cell.value = Number(choices[(row + p) % choices.length]);
      }
    }
    await workbook.xlsx.writeFile(file);
  }

  cpu = process.cpuUsage();
  start = performance.now();
  code = await main(["collect", "--workbook", "master.xlsx", "--returns", "returns"], quiet);
  const collectMs = Math.round(performance.now() - start);
  const collectCpu = cpuMs(cpu);
  if (code !== 0) throw new Error(`collect exited ${code}`);

  console.log(
    `Assessment cycle: 10 partners × ${grids} grid instruments (every instrument that is scored)`,
  );
  console.log(
    `  write the returns: ${writeMs} ms wall, ${writeCpu} ms CPU (target < 2000 ms: ${writeMs < 2000 ? "OK" : "MISSED"})`,
  );
  console.log(
    `  collect them:      ${collectMs} ms wall, ${collectCpu} ms CPU (target < 2000 ms: ${collectMs < 2000 ? "OK" : "MISSED"}), master read, checked and rewritten`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
