import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { exceljsEscape, FormulaTexts } from "../../../adapters/exceljs/formula-texts.js";

/** exceljs's own escaping, which the writer must reproduce exactly. */
const { xmlEncode } = createRequire(import.meta.url)("exceljs/lib/utils/utils.js") as {
  xmlEncode: (text: string) => string;
};

describe("formula texts", () => {
  it("escape every character as exceljs does (controls dropped, quotes and apostrophes as entities)", () => {
    const all = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).join("");
    expect(exceljsEscape(all)).toBe(xmlEncode(all));
    for (const text of [
      "",
      "plain",
      `IF(A1<>"",'x'&B1,"<&>")`,
      "\u0000\u0009\u000A\u000D\u001F\u007F",
      "🙂中",
    ])
      expect(exceljsEscape(text), JSON.stringify(text)).toBe(xmlEncode(text));
  });

  it("give one token per formula, and keep an empty formula as it is (exceljs writes it as text)", () => {
    const formulas = new FormulaTexts();
    const a = formulas.token("SUM(A1:A9)");
    expect(formulas.token("SUM(A1:A9)")).toBe(a);
    expect(formulas.token('A1&"x"')).not.toBe(a);
    expect(formulas.token("")).toBe("");
    expect(formulas.escaped(formulas.token('A1&"x"'), "sheet")).toBe("A1&amp;&quot;x&quot;");
  });

  it("put each formula back where exceljs wrote its token, and name the part when a cell holds no token", () => {
    const formulas = new FormulaTexts();
    const token = formulas.token("A1<B1");
    const xml = `<c r="C1"><f>${token}</f></c><c r="C2"><f>${token}</f><v>1</v></c>`;
    expect([...formulas.fill(xml, "xl/worksheets/sheet1.xml")].join("")).toBe(
      '<c r="C1"><f>A1&lt;B1</f></c><c r="C2"><f>A1&lt;B1</f><v>1</v></c>',
    );
    expect(() => [...formulas.fill("<f>SUM(A1)</f>", "xl/worksheets/sheet2.xml")]).toThrow(
      /xl\/worksheets\/sheet2\.xml: a formula cell holds "SUM\(A1\)", not a formula token/,
    );
    expect(() => [...formulas.fill(`<f>${token}`, "xl/worksheets/sheet3.xml")]).toThrow(
      /sheet3\.xml: a formula element is not closed/,
    );
  });
});
