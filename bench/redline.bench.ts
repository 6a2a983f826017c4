// The redline between years for `npm run bench` (run by bench/run.ts, or alone
// with `npx tsx bench/redline.bench.ts`). Prints, never asserts. Cost is CPU
// time (process.cpuUsage), the median of rounds, since the machine is shared.
// Target (issue 10): a redline under 100 ms, for the example agreement against
// last year's with four edits (a partner added, a contribution changed, an
// objective removed, a clause made optional). The document builds are not
// counted: the redline is the stage after them.
import { redlineDocument } from "../core/document/redline/index.js";
import { examplePartnership } from "../core/example/partnership.js";
import type { Partnership } from "../core/model/types.js";
import { loadDocumentTemplates } from "../generator/documents/templates.js";
import { loadInstruments } from "../generator/instruments.js";
import { draftDocument } from "./draft-document.js";

const instruments = await loadInstruments();
const templates = await loadDocumentTemplates();

async function agreement(edit: (p: Partnership) => void): Promise<Uint8Array> {
  const partnership = examplePartnership(instruments);
  edit(partnership);
  return draftDocument("agreement", partnership, templates);
}

const older = await agreement((p) => (p.details.documentDate = "2025-04-01"));
const newer = await agreement((p) => {
  p.details.documentDate = "2026-04-01";
  const partner = p.partners.find((x) => x.contribution !== null);
  if (partner) partner.contribution = (partner.contribution ?? 0) + 125000;
  const removed = p.objectives.splice(1, 1)[0];
  p.indicators = p.indicators.filter((i) => i.objectiveId !== removed?.id);
  p.details.leadCommissioning = !p.details.leadCommissioning;
  const first = p.partners[0];
  if (first)
    p.partners.push({
      ...first,
      organisation: "Northvale Community Health NHS Trust",
      shortName: "NCHT",
    });
});
const run = () =>
  redlineDocument({ older, newer, olderName: "last.docx", documentDate: "2026-04-01" });

for (let i = 0; i < 5; i++) run(); // warm up
const samples: number[] = [];
for (let round = 0; round < 15; round++) {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  samples.push((used.user + used.system) / 1000);
}
const median = [...samples].sort((a, b) => a - b)[Math.floor(samples.length / 2)] ?? 0;
const result = run();
console.log("Redline between years: the example agreement against last year's, four edits");
console.log(
  `  ${result.summary.length} clauses and schedules changed; ${Math.round(older.length / 1024)} KB and ${Math.round(newer.length / 1024)} KB in, ${Math.round((result.bytes?.length ?? 0) / 1024)} KB out`,
);
console.log(
  `Target redline < 100 ms → ${median.toFixed(1)} ms CPU (median of ${samples.length}) ${median < 100 ? "OK" : "MISSED"}`,
);
