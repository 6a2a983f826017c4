import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** LibreOffice's command, or null where it is not installed (tests then skip and say why). */
export function findSoffice(): string | null {
  for (const candidate of [
    "/usr/bin/soffice",
    "/usr/bin/libreoffice",
    "/usr/lib/libreoffice/program/soffice",
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export const SOFFICE_MISSING =
  "LibreOffice (soffice) is not installed: skipping the real spreadsheet/word-processor checks. CI installs it with apt-get (libreoffice-calc-nogui, libreoffice-writer-nogui).";

/**
 * Runs `soffice --headless --convert-to` with a throwaway profile (so parallel
 * runs do not fight over one) and returns the output folder. Several files
 * share one start of LibreOffice, which is most of the cost.
 */
export function sofficeConvert(file: string | readonly string[], convertTo: string): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error(SOFFICE_MISSING);
  const outDir = mkdtempSync(join(tmpdir(), "pw-soffice-out-"));
  const profile = mkdtempSync(join(tmpdir(), "pw-soffice-profile-"));
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        convertTo,
        "--outdir",
        outDir,
        ...(typeof file === "string" ? [file] : file),
      ],
      { stdio: "pipe", timeout: 180_000 },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return outDir;
}

/** Parses one CSV text (RFC 4180 quoting) into rows of strings. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      row.push(field);
      field = "";
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += char;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Opens an .xlsx in LibreOffice Calc, recalculates every formula and returns
 * each sheet's raw (unformatted) values, keyed by sheet name.
 */
export function recalculatedSheets(
  xlsx: string,
  sheetNames: readonly string[],
): Map<string, string[][]> {
  // CSV filter options: comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet.
  const outDir = sofficeConvert(
    xlsx,
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
  );
  try {
    const files = readdirSync(outDir);
    const base = xlsx.replace(/^.*\//, "").replace(/\.xlsx$/i, "");
    const sheets = new Map<string, string[][]>();
    for (const name of sheetNames) {
      const file = files.find((f) => f === `${base}-${name}.csv`);
      if (file) sheets.set(name, parseCsv(readFileSync(join(outDir, file), "utf8")));
    }
    return sheets;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
