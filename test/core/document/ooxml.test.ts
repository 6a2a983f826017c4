import { describe, expect, it } from "vitest";
import { docxParts } from "../../support/docx-text.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  WORD_SCHEMA,
  XMLLINT_MISSING,
} from "../../support/ooxml.js";
import { build, completeExample, example } from "./fixtures.js";

/**
 * Every Word part of the generated files validates against the OOXML schema
 * (wml-2010.xsd), as docx's own CI checks its demos: the offline proof that
 * Word opens the file without a repair prompt.
 */

const canValidate = findXmllint() !== null && schemaDir() !== null;
if (!canValidate) console.warn(XMLLINT_MISSING);

const WORD_PART =
  /^word\/(document|header\d+|footer\d+|comments|commentsExtended|numbering|styles|settings|footnotes|endnotes|fontTable)\.xml$/;

const CASES = [
  ["agreement (draft, notes)", "agreement", "draft"],
  ["agreement (final)", "agreement", "final"],
  ["terms of reference (draft, notes)", "terms-of-reference", "draft"],
] as const;

describe.skipIf(!canValidate)("OOXML schema validation", () => {
  it.each(CASES)("%s: every Word part is valid", async (_name, kind, mode) => {
    const partnership = mode === "final" ? await completeExample() : await example();
    const result = await build(kind, partnership, { mode });
    const parts = await docxParts(result.bytes ?? new Uint8Array());
    const checked: string[] = [];
    for (const [name, xml] of parts) {
      if (!WORD_PART.test(name)) continue;
      const validation = validatePart(xml, schemaPath(WORD_SCHEMA));
      expect({ name, errors: validation.errors }).toEqual({ name, errors: [] });
      checked.push(name);
    }
    const expected = [
      "word/document.xml",
      "word/header1.xml",
      "word/footer1.xml",
      "word/styles.xml",
      "word/numbering.xml",
      "word/settings.xml",
    ];
    if (mode === "draft") expected.push("word/comments.xml");
    expect(checked).toEqual(expect.arrayContaining(expected));
  });
});
