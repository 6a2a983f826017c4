import type { Need } from "../layout/columns.js";
import type { TableReader } from "./table-reader.js";

/** A header the reader expects, in the order the blueprint lays columns out. */
export interface ExpectedHeader {
  header: string;
  need?: Need;
}

export interface HeaderOptions {
  /**
   * A header after which the table has columns of its own choosing (period
   * labels after Source, partners' short names after Statement): a header
   * next to that gap cannot be found by its neighbour on the gap's side.
   */
  openAfter?: string;
}

/**
 * Finds the expected headers, recovering renamed ones so that a renamed
 * header never drops every row. A header that is missing but whose column
 * sits where it should, between its neighbours and under a header nobody
 * expects, was renamed: its column is read under the expected name, with a
 * warning at the header cell naming both. A column that cannot be found is
 * reported at the cell where it should be; its values read as blank. Returns
 * the headers still missing.
 */
export function resolveHeaders(
  reader: TableReader,
  expected: readonly ExpectedHeader[],
  options: HeaderOptions = {},
): Set<string> {
  const known = new Set(expected.map((e) => e.header.toLowerCase()));
  const taken = new Set<number>();
  for (const e of expected) if (reader.has(e.header)) taken.add(reader.position(e.header));
  const free = (position: number) =>
    position >= 0 &&
    position < reader.table.headers.length &&
    !taken.has(position) &&
    !known.has(reader.headerAt(position).toLowerCase());

  const guess = (index: number): number => {
    const before = expected[index - 1];
    const after = expected[index + 1];
    const here = expected[index];
    if (before && before.header !== options.openAfter && reader.has(before.header))
      return reader.position(before.header) + 1;
    if (after && here?.header !== options.openAfter && reader.has(after.header))
      return reader.position(after.header) - 1;
    return -1;
  };

  const missing = new Map<number, number>();
  // Two sweeps: a run of renamed headers is found from whichever side has a neighbour.
  for (const order of [expected.map((_, i) => i), expected.map((_, i) => i).reverse()]) {
    for (const index of order) {
      const header = expected[index]?.header ?? "";
      if (reader.has(header)) continue;
      const position = guess(index);
      missing.set(index, position);
      if (free(position)) {
        const now = reader.headerAt(position);
        reader.adopt(header, position);
        taken.add(position);
        missing.delete(index);
        reader.report(
          "warning",
          reader.headerAddress(position),
          now
            ? `The header "${header}" has been changed to "${now}"; its column is read as ${header}`
            : `The header "${header}" is blank; its column is read as ${header}`,
          `Rename the header back to "${header}": the workbook's formulas, dropdowns and the add-in find the column by it.`,
        );
      }
    }
  }

  const absent = new Set<string>();
  for (const [index, position] of missing) {
    const e = expected[index];
    if (!e) continue;
    absent.add(e.header);
    // A deleted first column's place is taken by the next one, at position 0.
    const place = position === -1 && index === 0 ? 0 : position;
    const inTable = place >= 0 && place < reader.table.headers.length;
    const now = inTable ? reader.headerAt(place) : "";
    reader.report(
      e.need === "always" ? "error" : "warning",
      reader.headerAddress(inTable ? place : 0),
      `Table ${reader.table.name} has no column "${e.header}"${inTable && now ? ` (this header cell holds "${now}")` : ""}`,
      `Restore the column with the header "${e.header}" exactly; until then its values read as blank.`,
    );
  }
  return absent;
}
