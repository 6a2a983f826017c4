import { readFile } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import {
  buildDocument,
  documentKindFor,
  HouseStyleError,
  readHouseStyle,
  type DocumentKind,
  type HouseStyle,
} from "../../core/document/index.js";
import type { Instrument } from "../../core/instruments/types.js";
import type { Problem } from "../../core/model/problem.js";
import { writeFileAtomic } from "../atomic-write.js";
import { UserError } from "../command.js";
import { loadPartnershipFile } from "../load.js";

/**
 * One workbook → one Word document, the unit of work shared by the single
 * command, the in-process batch and the worker threads.
 */

export type KindArgument = DocumentKind | "auto";

export interface GenerateSettings {
  kind: KindArgument;
  final: boolean;
  notes: boolean;
  force: boolean;
}

export interface GenerateJob {
  workbook: string;
  /** The output file, or null to name it after the workbook inside `outDir`. */
  out: string | null;
  outDir: string | null;
}

export type GenerateStatus = "written" | "refused" | "unreadable" | "not-written";

export interface GenerateResult {
  workbook: string;
  out: string | null;
  kind: DocumentKind | null;
  status: GenerateStatus;
  problems: Problem[];
  /** Why nothing was written, for unreadable files and refused writes. */
  message?: string;
  /** Milliseconds spent building the document once the workbook was read. */
  buildMs?: number;
}

export interface SharedInputs {
  instruments: readonly Instrument[];
  templates: Readonly<Record<string, string>>;
  style?: HouseStyle;
}

/** `board.xlsx` + agreement → `board-agreement.docx`. */
export function outputName(workbook: string, kind: DocumentKind): string {
  return `${basename(workbook, extname(workbook))}-${kind}.docx`;
}

export async function loadStyle(path: string): Promise<HouseStyle> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch {
    throw new UserError(`Cannot read the style document ${path}.`, 2);
  }
  try {
    return await readHouseStyle(bytes);
  } catch (error) {
    if (error instanceof HouseStyleError) throw new UserError(`${path}: ${error.message}.`, 2);
    throw error;
  }
}

export async function generateOne(
  job: GenerateJob,
  settings: GenerateSettings,
  shared: SharedInputs,
): Promise<GenerateResult> {
  let loaded;
  try {
    loaded = await loadPartnershipFile(job.workbook, shared.instruments);
  } catch (error) {
    if (error instanceof UserError) {
      return {
        workbook: job.workbook,
        out: null,
        kind: null,
        status: "unreadable",
        problems: [],
        message: error.message,
      };
    }
    throw error;
  }
  const kind =
    settings.kind === "auto"
      ? documentKindFor(loaded.partnership.details.arrangement)
      : settings.kind;
  const out = job.out ?? join(job.outDir ?? ".", outputName(job.workbook, kind));
  const started = performance.now();
  const built = await buildDocument({
    kind,
    partnership: loaded.partnership,
    workbookProblems: loaded.problems,
    templates: shared.templates,
    mode: settings.final ? "final" : "draft",
    notes: settings.notes,
    style: shared.style,
  });
  const buildMs = performance.now() - started;
  if (!built.bytes) {
    return {
      workbook: job.workbook,
      out,
      kind,
      status: "refused",
      problems: built.problems,
      buildMs,
    };
  }
  try {
    await writeFileAtomic(out, built.bytes, { force: settings.force });
  } catch (error) {
    if (error instanceof UserError) {
      return {
        workbook: job.workbook,
        out,
        kind,
        status: "not-written",
        problems: built.problems,
        message: error.message,
        buildMs,
      };
    }
    throw error;
  }
  return {
    workbook: job.workbook,
    out,
    kind,
    status: "written",
    problems: built.problems,
    buildMs,
  };
}
