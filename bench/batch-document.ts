// Part 2 of bench/documents.bench.ts, in a process of its own started as the
// command line starts a batch (with bin/batch-process.mjs's V8 flags): a
// one-thread batch's cost per document (read the .xlsx, build, write the
// .docx) against docxtemplater rendering and writing one, in alternating
// rounds, CPU time. Its own process, because the cost of a batch's frequent
// full collections (see generator/documents/heap-growth.ts) grows with
// everything else the process holds, and the benchmark's own process holds
// much more than a batch does. Prints one JSON line.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workbookBytes } from "../adapters/exceljs/write-workbook.js";
import { examplePartnership } from "../core/example/partnership.js";
import { buildOperations } from "../core/layout/blueprint.js";
import { runBatch } from "../generator/documents/batch.js";
import type { GenerateJob } from "../generator/documents/generate-one.js";
import { loadDocumentTemplates } from "../generator/documents/templates.js";
import { loadInstruments } from "../generator/instruments.js";
import { agreementShapedTemplate, renderWithDocxtemplater } from "./docxtemplater-peer.js";
import { draftDocument } from "./draft-document.js";

const DOCUMENTS = 40;
const ROUNDS = 7;

const instruments = await loadInstruments();
const templates = await loadDocumentTemplates();
const partnership = examplePartnership(instruments);
const peer = agreementShapedTemplate(await draftDocument("agreement", partnership, templates));

const folder = mkdtempSync(join(tmpdir(), "pw-bench-batch-"));
try {
  const workbook = join(folder, "example.xlsx");
  writeFileSync(workbook, await workbookBytes(buildOperations(partnership, instruments)));
  mkdirSync(join(folder, "in"));
  mkdirSync(join(folder, "out"));
  const jobs: GenerateJob[] = Array.from({ length: DOCUMENTS }, (_, i) => {
    const path = join(folder, "in", `partnership-${String(i).padStart(4, "0")}.xlsx`);
    copyFileSync(workbook, path);
    return { workbook: path, out: null, outDir: join(folder, "out") };
  });
  const settings = { kind: "agreement" as const, final: false, notes: true, force: true };
  const ourBatch = () =>
    runBatch(
      jobs,
      settings,
      { instruments, templates },
      { jobs: 1, stylePath: null, onResult: () => undefined },
    );
  const peerBatch = () => {
    for (let i = 0; i < DOCUMENTS; i++)
      writeFileSync(join(folder, "out", `peer-${i}.docx`), renderWithDocxtemplater(peer));
  };
  const cpuMs = async (work: () => unknown) => {
    const started = process.cpuUsage();
    await work();
    const used = process.cpuUsage(started);
    return (used.user + used.system) / 1000 / DOCUMENTS;
  };
  // Warm both: measure the code, not its compilation.
  await ourBatch();
  peerBatch();
  const a: number[] = [];
  const b: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    a.push(await cpuMs(ourBatch));
    b.push(await cpuMs(peerBatch));
  }
  const median = (samples: number[]) =>
    [...samples].sort((x, y) => x - y)[Math.floor(samples.length / 2)] ?? 0;
  process.stdout.write(JSON.stringify({ ours: median(a), theirs: median(b) }));
} finally {
  rmSync(folder, { recursive: true, force: true });
}
