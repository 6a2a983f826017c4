import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import type { FixtureStatus } from "./global-setup.js";
import { fixturePaths, type FixturePaths } from "./libreoffice-inputs.js";
import { parseCsv } from "./soffice.js";

/** What LibreOffice made of the shared fixtures, for the tests that read it. */
export interface LibreOfficeResults extends FixturePaths {
  /** How many times LibreOffice started to make all of them. */
  starts: number;
  /** The PDF LibreOffice printed from one of the inputs, by input file name ("example.xlsx"). */
  pdf(input: string): string;
  /** A workbook input converted to CSV (recalculated by LibreOffice): each named sheet's raw values, by name. */
  sheets(input: string, sheetNames: readonly string[]): Map<string, string[][]>;
  /** `sheets` of the example workbook. */
  exampleSheets(sheetNames: readonly string[]): Map<string, string[][]>;
  /** One of the inputs opened and saved again by LibreOffice, as .xlsx bytes. */
  resaved(input: string): Uint8Array;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits for the global set-up's LibreOffice run (it starts with the test run)
 * and fails with its messages when a conversion did not work.
 */
export async function libreOfficeResults(timeoutMs = 300_000): Promise<LibreOfficeResults> {
  const paths = fixturePaths(inject("libreOfficeFixtures"));
  const started = Date.now();
  while (!existsSync(paths.status)) {
    if (Date.now() - started > timeoutMs)
      throw new Error(`LibreOffice's shared conversions did not finish in ${timeoutMs / 1000} s`);
    await sleep(250);
  }
  const status = JSON.parse(readFileSync(paths.status, "utf8")) as FixtureStatus;
  if (status.problems.length) throw new Error(status.problems.join("\n\n"));
  const base = (input: string) => input.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  // LibreOffice names each sheet's CSV after the input and the sheet: example-Summary.csv.
  const sheets = (input: string, sheetNames: readonly string[]) => {
    const found = new Map<string, string[][]>();
    for (const name of sheetNames) {
      const file = join(paths.csvDir, `${base(input)}-${name}.csv`);
      if (existsSync(file)) found.set(name, parseCsv(readFileSync(file, "utf8")));
    }
    return found;
  };
  return {
    ...paths,
    starts: status.starts,
    pdf: (input) => join(paths.pdfDir, `${base(input)}.pdf`),
    sheets,
    exampleSheets: (sheetNames) => sheets(paths.exampleXlsx, sheetNames),
    resaved: (input) => readFileSync(join(paths.xlsxDir, `${base(input)}.xlsx`)),
  };
}
