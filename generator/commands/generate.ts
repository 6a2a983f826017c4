import { mkdir, readdir, readFile, realpath, stat } from "node:fs/promises";
import { join, relative, resolve } from "node:path";
import { isDocumentKind, TEMPLATE_FILES } from "../../core/document/index.js";
import { formatProblem, type Problem } from "../../core/model/problem.js";
import { EXIT, UserError, type Command, type CommandIo, type OptionValues } from "../command.js";
import { runBatch, defaultJobs } from "../documents/batch.js";
import { batchNames, type SharedName } from "../documents/batch-names.js";
import {
  loadStyle,
  type GenerateJob,
  type GenerateResult,
  type GenerateSettings,
  type KindArgument,
} from "../documents/generate-one.js";
import { ProgressBar } from "../documents/progress.js";
import { didYouMean } from "../suggest.js";
import { loadDocumentTemplates } from "../documents/templates.js";
import { loadInstruments } from "../instruments.js";
import { fsReason, outputError } from "../output/fs-errors.js";
import { refuseReadingAndWriting, requireExtension } from "../output/paths.js";

const HELP = `Usage: partnership generate <terms-of-reference|agreement|auto> --workbook FILE.xlsx --out FILE.docx
                           [--final] [--no-notes] [--style HOUSE.docx] [--templates DIR]
                           [--compare-to LAST.docx] [--force] [--json]
       partnership generate <kind> --workbook A.xlsx --workbook B.xlsx ... --out-dir DIR
       partnership generate <kind> --workbook FOLDER --out-dir DIR

Builds a Word document from a partnership workbook: terms of reference (for
informal and advisory partnerships) or a partnership agreement (for formal
ones, with the terms of reference as a schedule). "auto" picks the document
the workbook's type of arrangement needs.

A draft (the default) shows anything missing from the workbook as a
highlighted [MISSING: ...] with a Word comment giving the cell to fill, carries
drafting notes as comments, a DRAFT watermark and a header with the version
and date. --final refuses to write the document while anything it needs is
missing or the workbook has errors, and lists each problem with its location.

Options:
  --workbook FILE|DIR  Workbook to read; repeat it, or give a folder, for a batch.
  --out FILE.docx      Where to write the document (one workbook).
  --out-dir DIR        Folder for a batch; files are named WORKBOOK-KIND.docx (when two
                       workbooks share a name, their folder goes in front: a-board-agreement.docx).
  --final              Final document: no watermark or notes; refuse if anything is missing.
  --no-notes           Leave drafting notes and missing-value comments out of a draft.
  --style HOUSE.docx   Take fonts and heading styles from a reference Word document.
  --templates DIR      Use a copy of the templates folder (templates/documents: your
                       house precedents) instead of the shipped one; its errors name
                       the file, line and column in DIR.
  --compare-to LAST.docx
                       Write the document as Word tracked changes against an earlier one
                       this tool generated (last year's agreement): words and clauses added
                       and removed, renumbering not marked, a drafting note listing the
                       clauses and schedules that changed. One workbook only.
  --force              Replace existing output files.
  --jobs N             Processes building a batch, this one included (default:
                       one per core; small batches use this process alone).
  --json               Print the results as JSON for scripts.

Output is written atomically and is byte-for-byte the same for the same
workbook and templates, so drafts can be compared. An existing file is never
replaced without --force, even by two runs at once, and never a file the run
reads. A workbook that cannot be read, or a document that cannot be written,
is reported on one line and the rest of the batch still runs.

Exit status: 0 documents written, 1 problems (errors reported, a document
refused or not written), 2 unreadable input (a workbook, the style document,
or bad arguments). PARTNERSHIP_DEBUG=1 adds the detail of unexpected errors.

Examples:
  partnership generate auto --workbook board.xlsx --out board.docx
  partnership generate agreement --workbook board.xlsx --out agreement.docx --final
  partnership generate auto --workbook workbooks/ --out-dir documents/ --force`;

function strings(value: OptionValues[string]): string[] {
  if (value === undefined || typeof value === "boolean") return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

/**
 * Each --workbook value is a file, or a folder whose .xlsx files are all
 * taken (sorted, lock files skipped). A workbook named twice (or given both
 * by name and through its folder) is read once.
 */
async function workbookFiles(values: string[], cwd: string): Promise<string[]> {
  const files: string[] = [];
  for (const value of values) {
    const path = resolve(cwd, value);
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = (
        await readdir(path).catch((error: unknown) => {
          throw new UserError(`Cannot read the folder ${value}: ${fsReason(error)}.`, 2, error);
        })
      )
        .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith("~$") && !n.startsWith("."))
        .sort();
      if (names.length === 0) throw new UserError(`No .xlsx workbooks in the folder ${value}.`, 2);
      files.push(...names.map((n) => join(path, n)));
    } else {
      files.push(path);
    }
  }
  const seen = new Set<string>();
  const distinct: string[] = [];
  for (const file of files) {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) continue;
    seen.add(real);
    distinct.push(file);
  }
  return distinct;
}

/** The batch's folder exists (made if need be) and is a folder: checked once, before any work. */
async function prepareOutDir(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (info && !info.isDirectory())
    throw new UserError(
      `Cannot write into ${dir}: it is a file, not a folder. Give a folder to --out-dir.`,
    );
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw outputError(error, dir);
  }
}

/** The --templates folder, checked before any work: a folder that exists. */
async function templatesFolder(value: string, cwd: string): Promise<string> {
  const dir = resolve(cwd, value);
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory())
    throw new UserError(
      `Cannot use ${value} as --templates: ${info ? "it is a file" : "there is no such folder"}. Give a copy of the templates/documents folder.`,
      2,
    );
  return dir;
}

/** A problem in a template names the file in the --templates folder, as the user would open it. */
function locateInFolder(problems: Problem[], dir: string, cwd: string): void {
  for (const problem of problems) {
    if ((TEMPLATE_FILES as readonly string[]).includes(problem.sheet))
      problem.sheet = relative(cwd, join(dir, problem.sheet)) || problem.sheet;
  }
}

/** "2 workbooks are called board.xlsx; …" for each group the batch renamed. */
function sharedNameNotices(shared: readonly SharedName[], cwd: string): string[] {
  return shared.map((group) => {
    const members = group.members
      .map((m) => `${relative(cwd, m.workbook) || m.workbook} → ${m.stem}-KIND.docx`)
      .join(", ");
    return `${group.members.length} workbooks are called ${group.name}, so each document's name starts with its folder: ${members}.`;
  });
}

/** --compare-to's file, read once before any work: one workbook, a .docx that can be read. */
async function earlierDocument(
  path: string,
  values: OptionValues,
  workbooks: number,
): Promise<{ name: string; bytes: Uint8Array }> {
  const given = String(values["compare-to"]);
  if (workbooks > 1 || typeof values["out-dir"] === "string")
    throw new UserError("--compare-to compares one document: give one --workbook and --out", 2);
  if (!/\.docx$/i.test(given))
    throw new UserError(
      `--compare-to must name the earlier Word document (.docx) this tool generated, got "${given}".`,
      2,
    );
  try {
    return { name: given, bytes: await readFile(path) };
  } catch (error) {
    throw new UserError(`Cannot read ${given} to compare with: ${fsReason(error)}.`, 2, error);
  }
}

function describe(result: GenerateResult, io: CommandIo): string {
  const detail = io.debug && result.detail ? `\n${result.detail}` : "";
  return `${describeStatus(result)}${detail}`;
}

function describeStatus(result: GenerateResult): string {
  const kind = result.kind ?? "document";
  switch (result.status) {
    case "written":
      return result.changes
        ? `wrote ${result.out} (${kind}, tracked changes against the earlier document)${result.changes.map((c) => `\n  redline  ${c}`).join("")}`
        : `wrote ${result.out} (${kind})`;
    case "refused":
      return `did not write ${result.out ?? kind} for ${result.workbook}: fix the problems listed`;
    case "not-written":
      return result.message ?? `did not write ${result.out}`;
    case "unreadable":
      return result.message ?? `cannot read ${result.workbook}`;
  }
}

function exitCode(results: readonly GenerateResult[]): number {
  if (results.some((r) => r.status === "unreadable")) return EXIT.unreadable;
  const errors = results.some((r) => r.problems.some((p) => p.severity === "error"));
  if (errors || results.some((r) => r.status !== "written")) return EXIT.problems;
  return EXIT.ok;
}

export const generateCommand: Command = {
  name: "generate",
  help: HELP,
  options: {
    workbook: { type: "string", multiple: true },
    out: { type: "string" },
    "out-dir": { type: "string" },
    final: { type: "boolean", default: false },
    "no-notes": { type: "boolean", default: false },
    style: { type: "string" },
    templates: { type: "string" },
    "compare-to": { type: "string" },
    force: { type: "boolean", default: false },
    jobs: { type: "string" },
    json: { type: "boolean", default: false },
  },
  async run({ values, positionals }, io) {
    const [kindArg, ...extra] = positionals;
    if (!kindArg || extra.length > 0 || (kindArg !== "auto" && !isDocumentKind(kindArg))) {
      const kinds = ["terms-of-reference", "agreement", "auto"];
      const given = kindArg && !kinds.includes(kindArg) ? ` (not "${kindArg}")` : "";
      throw new UserError(
        `say which document: terms-of-reference, agreement or auto${given}.${kindArg ? didYouMean(kindArg, kinds) : ""} See --help.`,
        2,
      );
    }
    const workbooks = strings(values.workbook);
    if (workbooks.length === 0) throw new UserError("give a workbook with --workbook FILE.xlsx", 2);
    const out = typeof values.out === "string" ? values.out : null;
    const outDir = typeof values["out-dir"] === "string" ? values["out-dir"] : null;
    if (out && outDir)
      throw new UserError("give either --out (one workbook) or --out-dir (a batch), not both", 2);
    if (out) requireExtension(out, ".docx", "a Word document");
    const files = await workbookFiles(workbooks, io.cwd);
    if (files.length > 1 && !outDir)
      throw new UserError(`${files.length} workbooks need --out-dir DIR, not --out`, 2);
    if (!out && !outDir)
      throw new UserError(
        "say where to write the document with --out FILE.docx (or --out-dir DIR)",
        2,
      );
    const jobsValue = typeof values.jobs === "string" ? Number(values.jobs) : defaultJobs();
    if (!Number.isInteger(jobsValue) || jobsValue < 1)
      throw new UserError("--jobs must be a whole number of at least 1", 2);

    const settings: GenerateSettings = {
      kind: kindArg as KindArgument,
      final: values.final === true,
      notes: values["no-notes"] !== true,
      force: values.force === true,
    };
    const stylePath = typeof values.style === "string" ? resolve(io.cwd, values.style) : null;
    const comparePath =
      typeof values["compare-to"] === "string" ? resolve(io.cwd, values["compare-to"]) : null;
    if (comparePath) settings.compareTo = await earlierDocument(comparePath, values, files.length);
    if (out)
      await refuseReadingAndWriting(resolve(io.cwd, out), [
        ...files,
        ...(stylePath ? [stylePath] : []),
        ...(comparePath ? [comparePath] : []),
      ]);
    if (outDir) await prepareOutDir(resolve(io.cwd, outDir));
    if (stylePath || comparePath)
      settings.protect = [stylePath, comparePath].filter((p): p is string => p !== null);
    const templatesDir =
      typeof values.templates === "string" ? await templatesFolder(values.templates, io.cwd) : null;
    const [instruments, templates, style] = await Promise.all([
      loadInstruments(),
      loadDocumentTemplates(templatesDir ?? undefined),
      stylePath ? loadStyle(stylePath) : Promise.resolve(undefined),
    ]);
    const { names, shared } = batchNames(files);
    const jobs: GenerateJob[] = names.map(({ workbook, stem }) => ({
      workbook,
      out: out ? resolve(io.cwd, out) : null,
      outDir: outDir ? resolve(io.cwd, outDir) : null,
      stem,
    }));
    const notices = outDir ? sharedNameNotices(shared, io.cwd) : [];

    const started = performance.now();
    const progress = new ProgressBar(
      io.statusLine ?? (() => undefined),
      jobs.length,
      io.isTTY && !values.json && jobs.length > 1,
    );
    let failedSoFar = 0;
    const results = await runBatch(
      jobs,
      settings,
      { instruments, templates, style },
      {
        jobs: jobsValue,
        stylePath,
        onResult: (result, done) => {
          if (result.status !== "written") failedSoFar++;
          progress.update(done, failedSoFar, result.workbook);
        },
      },
    );
    progress.finish();
    if (templatesDir)
      for (const result of results) locateInFolder(result.problems, templatesDir, io.cwd);
    const seconds = (performance.now() - started) / 1000;
    const written = results.filter((r) => r.status === "written").length;
    const summary = `Generated ${written} of ${results.length} document${results.length === 1 ? "" : "s"} in ${seconds.toFixed(1)} s${
      written < results.length ? `; ${results.length - written} not written` : ""
    }.`;

    if (values.json) {
      const report = results.map((r) => ({
        ...r,
        buildMs: r.buildMs === undefined ? undefined : Math.round(r.buildMs * 10) / 10,
        detail: io.debug ? r.detail : undefined,
      }));
      io.stdout(
        `${JSON.stringify({ results: report, written, total: results.length, seconds, notices }, null, 2)}\n`,
      );
    } else {
      const lines: string[] = [...notices];
      for (const result of results) {
        lines.push(describe(result, io));
        for (const problem of result.problems) {
          lines.push(
            `  ${problem.severity === "error" ? "error  " : "warning"} ${formatProblem(problem)}`,
          );
        }
      }
      lines.push(summary);
      io.stdout(`${lines.join("\n")}\n`);
    }
    return exitCode(results);
  },
};
