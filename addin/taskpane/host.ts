/**
 * What the pane needs from where it runs: inside Excel, `Excel.run` and the
 * browser's download; in the preview, the fake workbook. Sections only talk
 * to this, so the same code runs in both.
 */
import type { Instrument } from "../../core/instruments/types.js";
import type { Problem } from "../../core/model/problem.js";

export interface PaneHost {
  /** "excel" inside Office, "preview" on the in-memory workbook. */
  kind: "excel" | "preview";
  run<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Called after work that changed the workbook (the preview redraws it). */
  changed?(): void;
}

export interface PaneResources {
  instruments: Instrument[];
  /** Problems in the bundled instrument files (shown once, never fatal). */
  instrumentProblems: Problem[];
  /** templates/documents/* by file name. */
  templates: Record<string, string>;
}

export function officeHost(): PaneHost {
  return {
    kind: "excel",
    run: (work) => Excel.run((context) => work(context)),
  };
}

/** Hands bytes to the user as a file: a link they can click again, clicked once for them. */
export function offerDownload(name: string, bytes: Uint8Array, mime: string): HTMLAnchorElement {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.textContent = `Download ${name}`;
  link.className = "download";
  link.setAttribute("data-testid", "download-link");
  return link;
}

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
