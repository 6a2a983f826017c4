import { spawnSync } from "node:child_process";

/** poppler-utils' pdftotext, used to read what a converted document actually shows. */
export function hasPdftotext(): boolean {
  return spawnSync("pdftotext", ["-v"], { stdio: "ignore" }).status === 0;
}

export const PDFTOTEXT_MISSING =
  "pdftotext (poppler-utils) is not installed: skipping the PDF text checks. CI installs it with apt-get install poppler-utils.";

/** The text of a PDF in reading order. */
export function pdfText(pdf: string): string {
  const result = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${result.stderr}`);
  return result.stdout;
}
