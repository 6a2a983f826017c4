import ExcelJS from "exceljs";

/** A workbook exceljs writes with every kind of value a cell can hold. */
export async function everyKindOfValue(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kinds");
  const columns = ["Text", "Number", "Flag", "When", "Formula", "Error", "Link"];
  sheet.addTable({
    name: "Kinds",
    ref: "B3",
    columns: columns.map((name) => ({ name })),
    rows: [
      [
        "plain",
        1.5,
        true,
        new Date(Date.UTC(2026, 2, 31)),
        { formula: "C4*2", result: 3 },
        { error: "#REF!" },
        { text: "site", hyperlink: "https://example.org" },
      ],
      [
        { richText: [{ text: "rich " }, { font: { bold: true }, text: "text" }] },
        -0,
        false,
        new Date(Date.UTC(1999, 11, 31, 12)),
        { formula: 'B4&"x"', result: "plainx" },
        { error: "#DIV/0!" },
        "",
      ],
      [
        "  spaced\nlines  ",
        1e-7,
        null,
        null,
        { formula: "C4>1", result: true },
        { error: "#N/A" },
        "Ünïcödé ✓ 𝔘",
      ],
      [
        '<tag> & "quotes"',
        12345678901234,
        null,
        null,
        { formula: "1/0", result: { error: "#DIV/0!" } },
        null,
        "=1+1",
      ],
      [
        "",
        0,
        null,
        null,
        { formula: "TODAY()", result: new Date(Date.UTC(2026, 0, 1)) },
        null,
        "_x000D_ literal",
      ],
      ["last", null, null, null, { formula: "NA()" }, null, null],
    ],
  });
  sheet.getColumn(5).numFmt = "dd/mm/yyyy";
  for (let r = 4; r <= 9; r++) {
    sheet.getCell(`E${r}`).numFmt = "dd/mm/yyyy";
    sheet.getCell(`F${r}`).numFmt = r === 8 ? "yyyy-mm-dd" : "0.00";
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
