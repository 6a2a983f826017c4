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
import { redlineDocument } from "../../core/document/redline/index.js";
import { writeFileAtomic } from "../atomic-write.js";
import { errorDetail, UserError } from "../command.js";
import { loadPartnershipFile } from "../load.js";
import { TABLES_DOCUMENTS_LEAVE_UNREAD } from "../../core/document/unread-tables.js";

/**
 * One workbook → one Word document, the unit of work shared by the single
 * command, the in-process batch and the worker processes.
 */

export type KindArgument = DocumentKind | "auto";

export interface GenerateSettings {
  kind: KindArgument;
  final: boolean;
  notes: boolean;
  force: boolean;
  /** Files the whole run reads (the style document): no output may replace them. */
  protect?: readonly string[];
  /** `--compare-to LAST.docx`: write the document as tracked changes against this earlier one. */
  compareTo?: { name: string; bytes: Uint8Array };
}

export interface GenerateJob {
  workbook: string;
  /** The output file, or null to name it after the workbook inside `outDir`. */
  out: string | null;
  outDir: string | null;
  /** In a batch, the document's name before `-KIND.docx` (see batch-names.ts); else the workbook's. */
  stem?: string;
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
  /** The stack behind an unexpected failure, printed only with PARTNERSHIP_DEBUG=1. */
  detail?: string;
  /** With --compare-to: the clauses and schedules that changed, as the redline's drafting note lists them. */
  changes?: string[];
}

export interface SharedInputs {
  instruments: readonly Instrument[];
  templates: Readonly<Record<string, string>>;
  style?: HouseStyle;
}

/** `board.xlsx` + agreement → `board-agreement.docx`; a batch may give its own stem. */
export function outputName(workbook: string, kind: DocumentKind, stem?: string): string {
  return `${stem ?? basename(workbook, extname(workbook))}-${kind}.docx`;
}

/** One line for a failure nobody foresaw, so a batch can report it and go on. */
function unexpected(error: unknown, doing: string): { message: string; detail: string } {
  const what = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    message: `an unexpected error stopped ${doing} (${what}). This is a bug: please report it.`,
    detail: errorDetail(error),
  };
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

/**
 * One document, reported as a small object of its own. A batch keeps every
 * result until its summary, and the problems' strings may be slices of the
 * document's whole rendered text or of a sheet's XML (V8 keeps alive the
 * string a substring was cut from): about 86 KB a document, nearly a gigabyte
 * over 10,000. A structured clone copies only the characters, so a result
 * costs what it says and a batch's memory stays flat.
 */
export async function generateOne(
  job: GenerateJob,
  settings: GenerateSettings,
  shared: SharedInputs,
): Promise<GenerateResult> {
  return structuredClone(await buildAndWrite(job, settings, shared));
}

async function buildAndWrite(
  job: GenerateJob,
  settings: GenerateSettings,
  shared: SharedInputs,
): Promise<GenerateResult> {
  let loaded;
  try {
    loaded = await loadPartnershipFile(job.workbook, shared.instruments, {
      skipTables: TABLES_DOCUMENTS_LEAVE_UNREAD,
    });
  } catch (error) {
    const known = error instanceof UserError;
    const failure = known ? null : unexpected(error, `reading ${job.workbook}`);
    const cause = known ? error.cause : undefined;
    return {
      workbook: job.workbook,
      out: null,
      kind: null,
      status: "unreadable",
      problems: [],
      message: known ? error.message : failure?.message,
      detail: cause === undefined ? failure?.detail : errorDetail(cause),
    };
  }
  const kind =
    settings.kind === "auto"
      ? documentKindFor(loaded.partnership.details.arrangement)
      : settings.kind;
  const out = job.out ?? join(job.outDir ?? ".", outputName(job.workbook, kind, job.stem));
  const started = performance.now();
  let built: Awaited<ReturnType<typeof buildDocument>>;
  try {
    built = await buildDocument({
      kind,
      partnership: loaded.partnership,
      workbookProblems: loaded.problems,
      origins: loaded.origins,
      templates: shared.templates,
      instruments: shared.instruments,
      mode: settings.final ? "final" : "draft",
      notes: settings.notes,
      style: shared.style,
    });
  } catch (error) {
    const failure = unexpected(error, `building the ${kind} for ${job.workbook}`);
    return {
      workbook: job.workbook,
      out,
      kind,
      status: "not-written",
      problems: loaded.problems,
      ...failure,
    };
  }
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
  let bytes = built.bytes;
  let changes: string[] | undefined;
  if (settings.compareTo) {
    const redline = redlineDocument({
      newer: bytes,
      older: settings.compareTo.bytes,
      olderName: settings.compareTo.name,
      documentDate: loaded.partnership.details.documentDate,
    });
    if (!redline.bytes)
      return {
        workbook: job.workbook,
        out,
        kind,
        status: "refused",
        problems: redline.problems,
        buildMs,
      };
    bytes = redline.bytes;
    changes = redline.summary;
    built.problems.push(...redline.problems);
  }
  try {
    await writeFileAtomic(out, bytes, {
      force: settings.force,
      protect: [job.workbook, ...(settings.protect ?? [])],
    });
  } catch (error) {
    const failure =
      error instanceof UserError ? { message: error.message } : unexpected(error, `writing ${out}`);
    return {
      workbook: job.workbook,
      out,
      kind,
      status: "not-written",
      problems: built.problems,
      ...failure,
      buildMs,
    };
  }
  return {
    workbook: job.workbook,
    out,
    kind,
    status: "written",
    problems: built.problems,
    buildMs,
    ...(changes ? { changes } : {}),
  };
}
