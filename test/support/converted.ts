import { existsSync, readdirSync, readFileSync } from "node:fs";
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
  /** The example workbook recalculated by LibreOffice: each sheet's raw values, by sheet name. */
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
  return {
    ...paths,
    starts: status.starts,
    pdf: (input) => join(paths.pdfDir, `${base(input)}.pdf`),
    exampleSheets(sheetNames) {
      const files = readdirSync(paths.csvDir);
      const sheets = new Map<string, string[][]>();
      for (const name of sheetNames) {
        const file = files.find((f) => f === `example-${name}.csv`);
        if (file) sheets.set(name, parseCsv(readFileSync(join(paths.csvDir, file), "utf8")));
      }
      return sheets;
    },
    resaved: (input) => readFileSync(join(paths.xlsxDir, `${base(input)}.xlsx`)),
  };
}
