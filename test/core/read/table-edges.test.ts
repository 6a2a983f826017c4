import { describe, expect, it } from "vitest";
import { formatProblem } from "../../../core/model/problem.js";
import type { TableCells } from "../../../core/read/cells.js";
import { readPartnership } from "../../../core/read/reader.js";

const HEADERS = [
  "Organisation",
  "Short name",
  "Sector",
  "Representative",
  "Role",
  "Voting member",
  "Address for notices",
  "Signatory name",
  "Signatory title",
  "Contribution (£)",
  "In-kind contribution",
  "Share of pooled fund",
  "Legal body",
  "Body type",
  "Agreement party",
  "Signatory authority",
  "Executes under seal",
];

/** A Partners table by hand, as an extractor would hand it over: two partners from row 5. */
function partners(extra: Partial<TableCells> = {}): TableCells {
  const row = (name: string, short: string, share: number) => [
    name,
    short,
    "NHS",
    "A Person",
    "Member",
    "Yes",
    "1 High St",
    "B Person",
    "Chief Executive",
    1000,
    null,
    share,
    null,
    "NHS trust",
    null,
    null,
    "No",
  ];
  return {
    name: "Partners",
    sheet: "Partners",
    headerRow: 4,
    firstColumn: 1,
    headers: HEADERS,
    rows: [row("Alpha Trust", "Alpha", 0.5), row("Beta Council", "Beta", 0.5)],
    ...extra,
  };
}

const messages = (table: TableCells) =>
  readPartnership({ sheetNames: ["Partners"], tables: [table] }, [])
    .problems.filter((p) => p.sheet === "Partners")
    .map(formatProblem);

describe("what the host saw around a table", () => {
  it("says nothing when the host reports nothing", () => {
    expect(messages(partners())).toEqual([]);
  });

  it("warns about a partner typed on the row just below the table, at that row", () => {
    const below = HEADERS.map(() => null as string | null);
    below[1] = "Gamma";
    expect(messages(partners({ below }))).toEqual([
      "Partners!B7: A partner typed on the row just below the table is ignored: extend the table. Drag the handle at the table's bottom-right corner down to take the row in, then check again.",
    ]);
    expect(messages(partners({ below: HEADERS.map(() => null) }))).toEqual([]);
  });

  it("reports an invalid date where text or a number belongs, and never throws", () => {
    // A property test's counterexample: a host may hand over a Date no calendar day has.
    const table = partners();
    const first = table.rows[0] ?? [];
    first[0] = new Date(NaN); // Organisation: text
    first[9] = new Date(NaN); // Contribution (£): a number
    expect(messages(table)).toEqual([
      "Partners!A5: Organisation holds an invalid date. Type the text again in a cell formatted as text.",
      "Partners!J5: Contribution (£) must be a number, got an invalid date. Type a number, or leave the cell blank.",
    ]);
  });

  it("warns about merged cells, naming the range", () => {
    expect(messages(partners({ merged: ["B6:C6"] }))).toEqual([
      "Partners!B6:C6: Cells B6:C6 are merged: merged cells shift data between columns. Unmerge them (Home → Merge & Center → Unmerge Cells) and check each value sits under its own header.",
    ]);
  });

  it("warns about a calculated cell overwritten with a constant, at that cell", () => {
    const formulaMissing = [
      HEADERS.map(() => false),
      HEADERS.map((h) => h === "Share of pooled fund"),
    ];
    expect(messages(partners({ formulaMissing }))).toEqual([
      "Partners!L6: Share of pooled fund is a calculated column overwritten with a constant; the Summary disagrees. Restore the formula: copy the cell of another row in this column into it.",
    ]);
  });
});
