import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
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
