import { emptyPartnership } from "../../../core/model/empty.js";
import { Document, Packer, Paragraph, HeadingLevel } from "docx";
import { describe, expect, it } from "vitest";
import { documentKindFor, readHouseStyle, HouseStyleError } from "../../../core/document/index.js";
import { formatProblem } from "../../../core/model/problem.js";
import { docxParts, docxText } from "../../support/docx-text.js";
import { build, completeExample, example, templates } from "./fixtures.js";

describe("buildDocument", () => {
  it("picks the document the arrangement needs", () => {
    expect(documentKindFor("Informal")).toBe("terms-of-reference");
    expect(documentKindFor("Advisory")).toBe("terms-of-reference");
    expect(documentKindFor(null)).toBe("terms-of-reference");
    expect(documentKindFor("Formal agreement with pooled fund")).toBe("agreement");
    expect(documentKindFor("Formal agreement without pooled fund")).toBe("agreement");
  });

  it("is deterministic: the same input gives byte-identical files", async () => {
    const partnership = await example();
    const first = await build("agreement", partnership);
    const second = await build("agreement", await example());
    expect(first.bytes).not.toBeNull();
    expect(Buffer.from(second.bytes ?? []).equals(Buffer.from(first.bytes ?? []))).toBe(true);
    const parts = await docxParts(first.bytes ?? new Uint8Array());
    expect(parts.get("docProps/core.xml")).toContain("2024-03-20T00:00:00Z");
  });

  it("shows missing values as highlighted placeholders with a comment giving the cell", async () => {
    const partnership = await example();
    partnership.details.hostPartner = "";
    partnership.details.pooledFundManager = "";
    const result = await build("agreement", partnership);
    const text = await docxText(result.bytes ?? new Uint8Array());
    expect(text).toContain("[MISSING: Host partner] is the host partner");
    expect(text).toContain("[MISSING: Pooled fund manager]");
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    expect(parts.get("word/document.xml")).toContain('<w:highlight w:val="yellow"/>');
    expect(parts.get("word/comments.xml")).toContain("Fill in Partnership!B9");
    expect(parts.get("word/comments.xml")).toContain("Drafting note:");
    expect(result.problems.map(formatProblem)).toContain(
      "Partnership!B9: Host partner is missing from the workbook. The draft shows it as [MISSING: …].",
    );
  });

  it("leaves drafting notes out with notes off, but still marks what is missing", async () => {
    const result = await build("agreement", await example(), { notes: false });
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    expect(parts.get("word/document.xml")).not.toContain("commentReference");
    expect(parts.get("word/comments.xml") ?? "").not.toContain("<w:comment ");
    expect(await docxText(result.bytes ?? new Uint8Array())).toContain(
      "[MISSING: Due date of objective O6]",
    );
  });

  it("refuses a final document while anything is missing, naming each cell", async () => {
    const partnership = await example();
    partnership.details.reviewDate = null;
    const result = await build("agreement", partnership, {
      mode: "final",
      workbookProblems: [
        {
          severity: "error",
          sheet: "Indicators",
          cell: "J7",
          message: 'Target must be a number, got "tbc"',
        },
      ],
    });
    expect(result.bytes).toBeNull();
    const lines = result.problems.map(formatProblem);
    expect(lines).toContain('Indicators!J7: Target must be a number, got "tbc".');
    expect(lines).toContain(
      "Partnership!B12: Review date is missing from the workbook. A final document needs it: fill it in, or generate a draft.",
    );
    expect(lines).toContain(
      "Objectives!F10: Due date of objective O6 is missing from the workbook. A final document needs it: fill it in, or generate a draft.",
    );
  });

  it("writes a final document without watermark, notes or draft header", async () => {
    const result = await build("agreement", await completeExample(), { mode: "final" });
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    expect(parts.get("word/header1.xml")).not.toContain("PowerPlusWaterMarkObject");
    expect(parts.get("word/header1.xml")).toContain(
      "PARTNERSHIP AGREEMENT – version 1.2 – 20 March 2024",
    );
    expect(parts.get("word/document.xml")).not.toContain("commentReference");
    expect(parts.get("word/document.xml")).not.toContain("DRAFT");
  });

  it("marks drafts with a watermark and a header giving version and date", async () => {
    const result = await build("terms-of-reference", await example());
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    expect(parts.get("word/header1.xml")).toContain("PowerPlusWaterMarkObject");
    expect(parts.get("word/header1.xml")).toContain("DRAFT – version 1.2 – 20 March 2024");
    expect(parts.get("word/footer1.xml")).toContain("PAGE");
    expect(parts.get("word/footer1.xml")).toContain("NUMPAGES");
  });

  it("writes the contents filled in, and asks Word to refresh it and the cross-references on opening", async () => {
    const result = await build("agreement", await example());
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    const xml = parts.get("word/document.xml") ?? "";
    expect(xml).toContain("TOC \\o &quot;1-2&quot;");
    expect(xml).not.toContain("w:dirty");
    // Filled in as written (right before anyone updates anything), refreshed by Word on opening.
    expect(parts.get("word/settings.xml")).toContain("<w:updateFields/>");
    const text = await docxText(result.bytes ?? new Uint8Array());
    expect(text).toMatch(/^1\.\tDefinitions and interpretation\t\d+$/m);
    expect(text).toMatch(/^Schedule 3: Terms of reference of the Board\t\d+$/m);
    // A left stop for the title after the clause number, then the dotted page-number stop.
    expect(xml).toMatch(
      /<w:pStyle w:val="TOC1"\/><w:tabs><w:tab w:val="left" w:pos="\d+"\/><w:tab w:val="right" w:leader="dot" w:pos="\d+"\/><\/w:tabs>/,
    );
  });

  it("prints workbook text exactly as typed, escaped once", async () => {
    const partnership = await example();
    const hostile =
      '{{constructor}} <script>alert("x")</script> & { DATE \\@ "yyyy" } **bold** [[clause:aims]] | # {#id}';
    partnership.details.vision = hostile;
    const first = partnership.partners[0];
    if (!first) throw new Error("example has partners");
    first.organisation = "Smith & Jones <Ltd>\nSecond line";
    const result = await build("agreement", partnership);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const text = await docxText(result.bytes ?? new Uint8Array());
    expect(text).toContain(`The Partners' shared vision is: ${hostile}`);
    expect(text).toContain("Smith & Jones <Ltd>\nSecond line");
    const xml = (await docxParts(result.bytes ?? new Uint8Array())).get("word/document.xml") ?? "";
    expect(xml).toContain("Smith &amp; Jones &lt;Ltd&gt;");
    expect(xml).not.toContain("&amp;amp;");
    expect(xml).not.toContain("<script>");
  });

  it("applies a house style taken from a reference Word document", async () => {
    const reference = new Document({
      styles: {
        default: {
          document: { run: { font: "Georgia", size: 24 } },
          heading1: { run: { font: "Georgia", size: 32, bold: true, color: "7030A0" } },
        },
      },
      sections: [
        { children: [new Paragraph({ text: "House style", heading: HeadingLevel.HEADING_1 })] },
      ],
    });
    const style = await readHouseStyle(await Packer.toBuffer(reference));
    expect(style.body).toMatchObject({ font: "Georgia", size: 24 });
    expect(style.heading1).toMatchObject({
      font: "Georgia",
      size: 32,
      bold: true,
      color: "7030A0",
    });
    const result = await build("terms-of-reference", await example(), { style });
    const styles = (await docxParts(result.bytes ?? new Uint8Array())).get("word/styles.xml") ?? "";
    expect(styles).toContain('w:ascii="Georgia"');
    expect(styles).toContain('<w:color w:val="7030A0"/>');
    await expect(readHouseStyle(new TextEncoder().encode("not a docx"))).rejects.toBeInstanceOf(
      HouseStyleError,
    );
  });

  it("drops the pooled fund clauses, and renumbers, when there is no pooled fund", async () => {
    const partnership = await example();
    partnership.details.arrangement = "Formal agreement without pooled fund";
    const result = await build("agreement", partnership);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    const text = await docxText(result.bytes ?? new Uint8Array());
    expect(text).not.toContain("Pooled Fund Manager");
    // Clause 9 (pooled fund) drops out: risk share moves up from 10 to 9.
    expect(text).toMatch(/^9\.\tRisk share, overspends and underspends$/m);
    expect(text).toContain("Each Partner shall bear any overspend");
    expect(text).toContain("if they agree to share an overspend or underspend under clause 9.");
  });

  it("lists its template files for hosts to load", () => {
    expect(Object.keys(templates).length).toBeGreaterThan(2);
  });
});

describe("buildDocument on thin workbooks", () => {
  const empty = emptyPartnership(0);

  it.each(["agreement", "terms-of-reference"] as const)(
    "drafts a %s from an empty workbook, marking every gap",
    async (kind) => {
      const result = await build(kind, structuredClone(empty));
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
      const text = await docxText(result.bytes ?? new Uint8Array());
      expect(text).toContain("[MISSING: Partners]");
      expect(text).toContain("[MISSING: Governing body name]");
      expect(text).not.toMatch(/undefined|NaN|\[object Object\]/);
      const final = await build(kind, structuredClone(empty), { mode: "final" });
      expect(final.bytes).toBeNull();
      expect(final.problems.map(formatProblem)).toContain(
        "Partners!A5: Partners is missing from the workbook. A final document needs it: fill it in, or generate a draft.",
      );
    },
  );

  it("writes terms of reference for an informal partnership that say they are not binding", async () => {
    const partnership = await example();
    partnership.details.arrangement = "Informal";
    const result = await build("terms-of-reference", partnership);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(await docxText(result.bytes ?? new Uint8Array())).toContain(
      "They are not a legally binding contract",
    );
  });
});
