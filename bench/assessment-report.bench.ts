// `npx tsx bench/assessment-report.bench.ts` (also run by bench/run.ts): the
// board's assessment report for 10 partners × all 10 instruments, with two
// closed rounds in the history, comments and a seeded action plan. The
// workbook is already read; this is the builder alone (analysis, template,
// Word and chart parts, zip). Prints, never asserts; target 1 s.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  ASSESSMENT_REPORT_TEMPLATE,
  buildAssessmentReport,
} from "../core/document/assessment-report/build.js";
import type { GridInstrument } from "../core/instruments/types.js";
import { analyseAssessments } from "../core/measures/assessment-analysis.js";
import { withSeededActions } from "../core/measures/assessment-actions.js";
import type { AssessmentScoreRecord } from "../core/model/assessment-cycle.js";
import { emptyPartnership } from "../core/model/empty.js";
import { loadInstruments } from "../generator/instruments.js";

const TARGET_MS = 1000;
const PARTNERS = 10;

const instruments = await loadInstruments();
const grids = instruments.filter((i): i is GridInstrument => i.kind === "grid");
const p = emptyPartnership(PARTNERS);
p.details = { ...p.details, name: "Benchmark partnership", documentDate: "2027-03-01" };
p.partners.forEach((partner, i) => {
  partner.shortName = `P${i + 1}`;
  partner.organisation = `Partner organisation ${i + 1}`;
});
let state = 12345;
const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const score = (g: GridInstrument) =>
  g.scale.min + Math.floor(next() * (g.scale.max - g.scale.min + 1));
const history: AssessmentScoreRecord[] = [];
for (const [round, date] of [
  ["2025", "2025-03-01"],
  ["2026", "2026-03-01"],
] as const) {
  for (const g of grids)
    for (const section of g.sections)
      for (const statement of section.statements)
        for (const partner of p.partners)
          history.push({
            round,
            date,
            instrumentId: g.id,
            section: section.name,
            statement: statement.text,
            respondent: partner.shortName,
            score: score(g),
            comment: next() < 0.05 ? "We need to talk about this at the next board." : "",
          });
}
p.assessmentHistory = history;
p.currentRound = "2027";
p.assessments = grids.map((g) => ({
  instrumentId: g.id,
  entries: [],
  items: g.sections.flatMap((section) =>
    section.statements.map((statement) => ({
      section: section.name,
      statement: statement.text,
      scores: Object.fromEntries(p.partners.map((partner) => [partner.shortName, score(g)])),
    })),
  ),
}));
const analyses = analyseAssessments(p, instruments);
if ("error" in analyses) throw new Error(analyses.error);
p.assessmentActions = withSeededActions(analyses, []);

const template = readFileSync(
  fileURLToPath(new URL(`../templates/documents/${ASSESSMENT_REPORT_TEMPLATE}`, import.meta.url)),
  "utf8",
);
const templates = { [ASSESSMENT_REPORT_TEMPLATE]: template };
const build = () =>
  buildAssessmentReport({
    partnership: p,
    instruments,
    templates,
    workbookProblems: [],
    mode: "draft",
    notes: true,
  });
const first = await build();
if (!first.bytes) throw new Error(first.problems.map((x) => x.message).join("\n"));
const times: number[] = [];
for (let i = 0; i < 5; i++) {
  const started = performance.now();
  await build();
  times.push(performance.now() - started);
}
times.sort((a, b) => a - b);
const median = Math.round(times[2] ?? 0);
const items = grids.reduce((n, g) => n + g.sections.flatMap((s) => s.statements).length, 0);
console.log(
  `Assessment report: ${PARTNERS} partners × ${instruments.length} instruments (${grids.length} grids, ${items} items, 3 rounds, ${p.assessmentActions.length} actions)`,
);
console.log(
  `  build (median of 5): ${median} ms, ${Math.round(first.bytes.length / 1024)} KB; target < ${TARGET_MS} ms → ${median < TARGET_MS ? "OK" : "MISSED"}`,
);
