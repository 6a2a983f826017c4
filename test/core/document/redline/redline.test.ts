import { describe, expect, it } from "vitest";
import { redlineDocument } from "../../../../core/document/redline/index.js";
import type { Partnership } from "../../../../core/model/types.js";
import { build, example } from "../fixtures.js";
import { documentXml, trackedText } from "./tracked-text.js";

/**
 * Issue 10, the redline: for each edit a legal team makes between years, the
 * redline accepted is this year's agreement, word for word, and rejected is
 * last year's.
 */

const LAST_YEAR = "2025-04-01";
const THIS_YEAR = "2026-04-01";

async function agreement(edit: (p: Partnership) => void = () => {}): Promise<Uint8Array> {
  const partnership = await example();
  edit(partnership);
  const built = await build("agreement", partnership);
  if (!built.bytes) throw new Error(JSON.stringify(built.problems));
  return built.bytes;
}

async function lastYear(): Promise<Uint8Array> {
  return agreement((p) => (p.details.documentDate = LAST_YEAR));
}

function redline(older: Uint8Array, newer: Uint8Array) {
  const result = redlineDocument({
    older,
    newer,
    olderName: "last-year.docx",
    date: new Date(`${THIS_YEAR}T00:00:00Z`),
  });
  if (!result.bytes) throw new Error(JSON.stringify(result.problems));
  return { ...result, bytes: result.bytes };
}

const EDITS: Record<string, (p: Partnership) => void> = {
  "a partner added": (p) => {
    const nhs = p.partners.find((x) => x.bodyType === "NHS trust") ?? p.partners[0];
    if (!nhs) throw new Error("no partner");
    p.partners.push({
      ...nhs,
      organisation: "Northvale Community Health NHS Trust",
      legalBody: "Northvale Community Health NHS Trust",
      shortName: "NCHT",
      representative: "Dr A Patel",
      signatoryName: "Dr A Patel",
      contribution: 250000,
    });
  },
  "a contribution changed": (p) => {
    const partner = p.partners.find((x) => x.contribution !== null);
    if (!partner) throw new Error("no contribution");
    partner.contribution = (partner.contribution ?? 0) + 125000;
  },
  "an objective removed": (p) => {
    const removed = p.objectives.splice(1, 1)[0];
    p.indicators = p.indicators.filter((i) => i.objectiveId !== removed?.id);
  },
  "a clause made optional": (p) => {
    p.details.leadCommissioning = !p.details.leadCommissioning;
    p.details.leadCommissioner ||= p.partners[0]?.shortName ?? "";
  },
};

describe("redline between years", () => {
  for (const [name, edit] of Object.entries(EDITS)) {
    it(`${name}: accept all gives this year's text, reject all last year's`, async () => {
      const older = await lastYear();
      const newer = await agreement((p) => {
        p.details.documentDate = THIS_YEAR;
        edit(p);
      });
      const result = redline(older, newer);
      const xml = documentXml(result.bytes);
      expect(xml).toMatch(
        /<w:(ins|del) w:id="\d+" w:author="Partnership Workbench" w:date="2026-04-01T00:00:00Z"[ />]/,
      );
      expect(trackedText(result.bytes, "accept")).toEqual(trackedText(newer, "none"));
      expect(trackedText(result.bytes, "reject")).toEqual(trackedText(older, "none"));
      expect(result.summary.length).toBeGreaterThan(0);
    }, 120_000);
  }
});
