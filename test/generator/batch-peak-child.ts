// The child process of batch-peak-memory.test.ts, compiled first (see
// compiled-child.ts): `node child.mjs WORKBOOK OUT_DIR COUNT AT,AT,...` runs a
// one-thread batch of COUNT agreements from one workbook, as the command line
// does, and prints one JSON line: the process's peak memory (RSS, MB) as each
// of the AT documents was done. A process of its own, so the peak is this
// batch's and no other test's.
import { join } from "node:path";
import { runBatch } from "../../generator/documents/batch.js";
import { loadDocumentTemplates } from "../../generator/documents/templates.js";
import { loadInstruments } from "../../generator/instruments.js";

const [workbook = "", outDir = "", countArg = "0", atArg = ""] = process.argv.slice(2);
const at = new Set(atArg.split(",").map(Number));
const instruments = await loadInstruments();
const templates = await loadDocumentTemplates();
const peaks: Record<number, number> = {};
const results = await runBatch(
  Array.from({ length: Number(countArg) }, (_, i) => ({
    workbook,
    out: join(outDir, `out-${i % 4}.docx`),
    outDir: null,
  })),
  { kind: "agreement", final: false, notes: true, force: true },
  { instruments, templates },
  {
    jobs: 1,
    stylePath: null,
    onResult: (_result, done) => {
      if (at.has(done)) peaks[done] = process.resourceUsage().maxRSS / 1024;
    },
  },
);
const written = results.filter((r) => r.status === "written").length;
process.stdout.write(`${JSON.stringify({ written, peaks })}\n`);
