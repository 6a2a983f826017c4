import { describe, expect, it } from "vitest";
import { redlineDocument } from "../../../../core/document/redline/index.js";
import type { Partnership } from "../../../../core/model/types.js";
import { build, completeExample, example } from "../fixtures.js";
import { unzipSync, zipSync } from "fflate";
import { escapeXml } from "../../../../core/text/xml-escape.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  WORD_SCHEMA,
  XMLLINT_MISSING,
} from "../../../support/ooxml.js";
import { documentXml, trackedText } from "./tracked-text.js";

function commentsXml(docx: Uint8Array): string {
  return new TextDecoder().decode(unzipSync(docx)["word/comments.xml"]);
}

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
    documentDate: THIS_YEAR,
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

describe("redline markup", () => {
  it("does not mark renumbering: clauses after a removed clause, and references to them, are unchanged", async () => {
    const older = await lastYear();
    const newer = await agreement((p) => {
      p.details.documentDate = LAST_YEAR;
      p.details.leadCommissioning = false;
    });
    const result = redline(older, newer);
    expect(result.summary).toContain("Former clause 5 (Lead commissioning): removed");
    // Every later clause moved up a number; none is listed, since none changed its words.
    expect(result.summary.filter((line) => /^Clause ([5-9]|\d\d) /.test(line))).toEqual([]);
    // The REF fields of this year's text are all there, live, in the redline.
    const refs = (xml: string) =>
      xml.match(/<w:instrText xml:space="preserve"> REF /g)?.length ?? 0;
    expect(refs(documentXml(result.bytes))).toBe(refs(documentXml(newer)));
  }, 120_000);

  it("dates every change from the workbook and signs it Partnership Workbench", async () => {
    const older = await lastYear();
    const newer = await agreement((p) => {
      p.details.documentDate = THIS_YEAR;
      EDITS["a partner added"]?.(p);
    });
    const xml = documentXml(redline(older, newer).bytes);
    const changes = [...xml.matchAll(/<w:(ins|del) [^>]*>/g)].map((m) => m[0]);
    expect(changes.length).toBeGreaterThan(10);
    for (const change of changes)
      expect(change).toMatch(/ w:author="Partnership Workbench" w:date="2026-04-01T00:00:00Z"/);
    // A partner added is a row inserted in the partners' table, not the table replaced.
    expect(xml).toMatch(/<w:trPr><w:cantSplit\/><w:ins [^>]*\/><\/w:trPr>/);
    expect(xml).not.toMatch(/<w:trPr><w:cantSplit\/><w:del [^>]*\/><\/w:trPr>/);
  }, 120_000);

  it("dates the changes 1 January 1980, and says so, when the workbook has no document date", async () => {
    const older = await lastYear();
    const newer = await agreement((p) => EDITS["a partner added"]?.(p));
    const result = redlineDocument({
      older,
      newer,
      olderName: "last-year.docx",
      documentDate: null,
    });
    expect(result.bytes).not.toBeNull();
    const xml = documentXml(result.bytes ?? new Uint8Array());
    const changes = [...xml.matchAll(/<w:(ins|del) [^>]*>/g)].map((m) => m[0]);
    expect(changes.length).toBeGreaterThan(0);
    for (const change of changes) expect(change).toContain(' w:date="1980-01-01T00:00:00Z"');
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        sheet: "Partnership",
        message: "Document date is blank, so the redline's changes are dated 1 January 1980",
      }),
    ]);
  }, 120_000);

  it("is the same file for the same two documents, and marks nothing when nothing changed", async () => {
    const older = await lastYear();
    const first = redline(older, older);
    const second = redline(older, older);
    expect(first.bytes).toEqual(second.bytes);
    expect(documentXml(first.bytes)).not.toMatch(/<w:(ins|del) /);
    expect(first.summary).toEqual([]);
    expect(commentsXml(first.bytes)).toContain(
      "No changes to the text since the earlier agreement.",
    );
  }, 120_000);

  it("lists the clauses and schedules that changed in a drafting note", async () => {
    const older = await lastYear();
    const newer = await agreement((p) => {
      p.details.documentDate = LAST_YEAR;
      EDITS["a contribution changed"]?.(p);
    });
    const result = redline(older, newer);
    const note = commentsXml(result.bytes);
    expect(note).toContain("Drafting note: redline against the earlier agreement");
    for (const line of result.summary) expect(note).toContain(escapeXml(line));
    expect(
      result.summary.some((l) => /^Schedule \d+ \(Partners and contributions\): changed$/.test(l)),
    ).toBe(true);
  }, 120_000);

  it("refuses, in plain words, an earlier document without this tool's record", async () => {
    const newer = await lastYear();
    const result = redlineDocument({
      older: zipSync({ "word/document.xml": new TextEncoder().encode("<w:document/>") }),
      newer,
      olderName: "signed.docx",
      documentDate: "2026-04-01",
    });
    expect(result.bytes).toBeNull();
    expect(result.problems[0]).toMatchObject({
      severity: "error",
      sheet: "signed.docx",
      message: expect.stringContaining(
        "carries no record from Partnership Workbench of which clause is which",
      ) as unknown,
    });
    const notZip = redlineDocument({
      older: new Uint8Array([1, 2, 3]),
      newer,
      olderName: "x.docx",
      documentDate: "2026-04-01",
    });
    expect(notZip.problems[0]?.message).toContain("is not a Word document");
  }, 120_000);
});

const canValidate = findXmllint() !== null && schemaDir() !== null;
if (!canValidate) console.warn(XMLLINT_MISSING);

describe.skipIf(!canValidate)("redline schema", () => {
  it("is valid WordprocessingML (document, comments, and settings that track further edits)", async () => {
    const older = await lastYear();
    const newer = await agreement((p) => {
      p.details.documentDate = THIS_YEAR;
      for (const edit of Object.values(EDITS)) edit(p);
    });
    const bytes = redline(older, newer).bytes;
    const settings = new TextDecoder().decode(unzipSync(bytes)["word/settings.xml"]);
    expect(settings).toContain("<w:trackRevisions/>");
    for (const xml of [documentXml(bytes), commentsXml(bytes), settings]) {
      expect(validatePart(xml, schemaPath(WORD_SCHEMA)).errors).toEqual([]);
    }
  }, 120_000);
});

describe("last year's agreement as it stands", () => {
  /** The earlier file with its body rewritten, as an edit made and saved in Word would leave it. */
  function edited(docx: Uint8Array, change: (xml: string) => string): Uint8Array {
    const files = unzipSync(docx);
    const xml = new TextDecoder().decode(files["word/document.xml"]);
    files["word/document.xml"] = new TextEncoder().encode(change(xml));
    return zipSync(files);
  }

  it("compares against the text the earlier file holds, edits made in Word included", async () => {
    const generated = await lastYear();
    // A solicitor's edit before signing, in Word's way of writing runs (attributes, a rendered page break).
    const signed = edited(generated, (xml) =>
      xml.replace(
        /<w:r>(<w:t(?: xml:space="preserve")?>[^<]*?)the Partners/,
        '<w:r w:rsidR="00A1"><w:lastRenderedPageBreak/>$1the Partners (as signed)',
      ),
    );
    expect(documentXml(signed)).toContain("(as signed)");
    const newer = await agreement((p) => (p.details.documentDate = THIS_YEAR));
    const result = redline(signed, newer);
    expect(trackedText(result.bytes, "reject")).toEqual(trackedText(signed, "none"));
    expect(trackedText(result.bytes, "accept")).toEqual(trackedText(newer, "none"));
    expect(documentXml(result.bytes)).toMatch(/<w:delText xml:space="preserve">[^<]*\(as signed\)/);
  }, 120_000);

  it("refuses an earlier file that still holds tracked changes, saying how to settle them", async () => {
    const older = edited(await lastYear(), (xml) =>
      xml.replace(
        "<w:body>",
        '<w:body><w:p><w:ins w:id="9999" w:author="A" w:date="2025-01-01T00:00:00Z"><w:r><w:t>x</w:t></w:r></w:ins></w:p>',
      ),
    );
    const result = redlineDocument({
      older,
      newer: older,
      olderName: "last.docx",
      documentDate: "2026-04-01",
    });
    expect(result.bytes).toBeNull();
    expect(result.problems[0]?.message).toBe(
      "still holds tracked changes, so it is not one settled text to compare against",
    );
    expect(result.problems[0]?.hint).toContain("Accept All Changes");
  }, 120_000);
});

describe.skipIf(!canValidate)("a final redline", () => {
  it("adds the comments part a final document lacks, for its drafting note, and stays valid", async () => {
    const final = async (edit: (p: Partnership) => void) => {
      const partnership = await completeExample();
      edit(partnership);
      const built = await build("agreement", partnership, { mode: "final" });
      if (!built.bytes) throw new Error(JSON.stringify(built.problems));
      return built.bytes;
    };
    const older = await final((p) => (p.details.documentDate = LAST_YEAR));
    const newer = await final((p) => {
      p.details.documentDate = THIS_YEAR;
      EDITS["a contribution changed"]?.(p);
    });
    expect(unzipSync(newer)["word/comments.xml"]).toBeUndefined();
    const bytes = redline(older, newer).bytes;
    const files = unzipSync(bytes);
    const text = (name: string) => new TextDecoder().decode(files[name]);
    expect(text("word/comments.xml")).toContain(
      "Drafting note: redline against the earlier agreement",
    );
    expect(text("word/_rels/document.xml.rels")).toContain('Target="comments.xml"');
    expect(text("[Content_Types].xml")).toContain('PartName="/word/comments.xml"');
    for (const name of ["word/document.xml", "word/comments.xml"])
      expect(validatePart(text(name), schemaPath(WORD_SCHEMA)).errors).toEqual([]);
    expect(trackedText(bytes, "accept")).toEqual(trackedText(newer, "none"));
    expect(trackedText(bytes, "reject")).toEqual(trackedText(older, "none"));
  }, 120_000);
});
