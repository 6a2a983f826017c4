import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { redlineDocument } from "../../../../core/document/redline/index.js";
import type { Partnership } from "../../../../core/model/types.js";
import { findSoffice, SOFFICE_MISSING } from "../../../support/soffice.js";
import { build, example } from "../fixtures.js";
import { decideAll, type DecideJob } from "./libreoffice-decide.js";

/**
 * The redline in a real word processor: LibreOffice opens it, Accepts All or
 * Rejects All through its own Track Changes commands, and saves the text as
 * it lays it out, list numbers and cross-references computed by LibreOffice
 * itself. Accepted, it reads as this year's agreement opened in LibreOffice;
 * rejected, as last year's. The contents page is left out of the comparison:
 * it is a field LibreOffice does not rebuild on opening.
 */

const HEAVY = 240_000;
const soffice = findSoffice();
if (!soffice) console.warn(`Skipping the redline's LibreOffice round trip: ${SOFFICE_MISSING}`);

const EDITS: Record<string, (p: Partnership) => void> = {
  "partner-added": (p) => {
    const nhs = p.partners.find((x) => x.bodyType === "NHS trust") ?? p.partners[0];
    if (nhs)
      p.partners.push({
        ...nhs,
        organisation: "Northvale Community Health NHS Trust",
        legalBody: "Northvale Community Health NHS Trust",
        shortName: "NCHT",
        contribution: 250000,
      });
  },
  "contribution-changed": (p) => {
    const partner = p.partners.find((x) => x.contribution !== null);
    if (partner) partner.contribution = (partner.contribution ?? 0) + 125000;
  },
  "objective-removed": (p) => {
    const removed = p.objectives.splice(1, 1)[0];
    p.indicators = p.indicators.filter((i) => i.objectiveId !== removed?.id);
  },
  "clause-optional": (p) => {
    p.details.leadCommissioning = !p.details.leadCommissioning;
  },
};

let dir: string;
let log: string;

async function agreement(date: string, edit?: (p: Partnership) => void): Promise<Uint8Array> {
  const partnership = await example();
  partnership.details.documentDate = date;
  edit?.(partnership);
  const built = await build("agreement", partnership);
  if (!built.bytes) throw new Error(JSON.stringify(built.problems));
  return built.bytes;
}

/** The text LibreOffice saved, without the contents page's lines (they end in a tab and a page number). */
function text(name: string): string[] {
  return readFileSync(join(dir, `${name}.txt`), "utf8")
    .split(/\r?\n/)
    .filter((line) => !/\t\d+$/.test(line));
}

beforeAll(async () => {
  if (!soffice) return;
  dir = mkdtempSync(join(tmpdir(), "pw-redline-lo-"));
  mkdirSync(dir, { recursive: true });
  const older = await agreement("2025-04-01");
  writeFileSync(join(dir, "old.docx"), older);
  const jobs: DecideJob[] = [
    { input: join(dir, "old.docx"), decision: "none", output: join(dir, "old.txt") },
  ];
  for (const [name, edit] of Object.entries(EDITS)) {
    const newer = await agreement("2026-04-01", edit);
    const redline = redlineDocument({
      older,
      newer,
      olderName: "old.docx",
      documentDate: "2026-04-01",
    });
    if (!redline.bytes) throw new Error(JSON.stringify(redline.problems));
    writeFileSync(join(dir, `${name}-new.docx`), newer);
    writeFileSync(join(dir, `${name}-redline.docx`), redline.bytes);
    jobs.push(
      {
        input: join(dir, `${name}-new.docx`),
        decision: "none",
        output: join(dir, `${name}-new.txt`),
      },
      {
        input: join(dir, `${name}-redline.docx`),
        decision: "accept",
        output: join(dir, `${name}-accept.txt`),
      },
      {
        input: join(dir, `${name}-redline.docx`),
        decision: "reject",
        output: join(dir, `${name}-reject.txt`),
      },
    );
  }
  log = await decideAll(jobs, dir, HEAVY - 30_000);
}, HEAVY);

describe.skipIf(!soffice)("redline in LibreOffice", () => {
  it("opens every redline and applies its changes without an error", () => {
    expect(log).toBe("");
  });

  for (const name of Object.keys(EDITS)) {
    it(`${name}: Reject All gives last year's agreement, numbers and references included`, () => {
      expect(text(`${name}-reject`)).toEqual(text("old"));
    });
  }

  // LibreOffice 7.4's Accept All keeps a paragraph whose deleted mark is followed by a table (an
  // objective's heading removed with its table of indicators) as an empty numbered line. The markup is
  // the one Word writes for such a deletion (paragraph mark and rows marked deleted); Word is not run
  // here. That edit's Accept All is checked through the XML in redline.test.ts, the others here.
  for (const name of ["partner-added", "contribution-changed", "clause-optional"]) {
    it(`${name}: Accept All gives this year's agreement`, () => {
      expect(text(`${name}-accept`)).toEqual(text(`${name}-new`));
    });
  }
});
