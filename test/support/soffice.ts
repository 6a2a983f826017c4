import { existsSync } from "node:fs";

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
