import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";

/**
 * A Word document as PDF, through LibreOffice when it is installed. It runs
 * with a throwaway profile, so it neither disturbs nor waits for a
 * LibreOffice the user has open. PDFs carry the time they were made, so
 * unlike the .docx they are not the same bytes run to run.
 */

const PLACES = [
  "/usr/bin/soffice",
  "/usr/local/bin/soffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
  "C:\\Program Files\\LibreOffice\\program\\soffice.exe",
];

/** LibreOffice's command: PARTNERSHIP_SOFFICE, else on the PATH, else a usual place; null when absent. */
export function findLibreOffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const chosen = env.PARTNERSHIP_SOFFICE;
  if (chosen !== undefined) return chosen !== "" && existsSync(chosen) ? chosen : null;
  const names = process.platform === "win32" ? ["soffice.exe"] : ["soffice", "libreoffice"];
  for (const folder of (env.PATH ?? "").split(delimiter).filter(Boolean))
    for (const name of names) if (existsSync(join(folder, name))) return join(folder, name);
  return PLACES.find((place) => existsSync(place)) ?? null;
}

export const LIBREOFFICE_MISSING =
  "LibreOffice is not installed, so no PDF was written: install it (or set PARTNERSHIP_SOFFICE to its soffice program), or open the .docx in Word and save it as PDF.";

/** The PDF, or why there is none. */
export async function docxToPdf(
  docx: Uint8Array,
  soffice: string,
): Promise<{ pdf: Uint8Array } | { error: string }> {
  const work = await mkdtemp(join(tmpdir(), "pw-pdf-"));
  try {
    const input = join(work, "report.docx");
    await writeFile(input, docx);
    const outcome = await new Promise<string | null>((resolve) => {
      execFile(
        soffice,
        [
          `-env:UserInstallation=file://${join(work, "profile").replace(/\\/g, "/")}`,
          "--headless",
          "--norestore",
          "--convert-to",
          "pdf",
          "--outdir",
          work,
          input,
        ],
        { timeout: 180_000 },
        (error) => resolve(error ? (error.message.split("\n")[0] ?? "failed") : null),
      );
    });
    const pdf = await readFile(join(work, "report.pdf")).catch(() => null);
    if (!pdf)
      return {
        error: `LibreOffice did not convert the report to PDF (${outcome ?? "no PDF came out"}).`,
      };
    return { pdf };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
