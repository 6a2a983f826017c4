/**
 * Reads the tables of an .xlsx file for the reader in core, without building
 * a whole workbook model: the sheet list, each table part, the shared
 * strings, which styles are dates, and the cells inside each table (plus the
 * row under it). Every part is size-checked before it is inflated, so any
 * file is read or refused within seconds and bounded memory.
 */
import { OUTPUT_ONLY_TABLES } from "../../core/read/output-tables.js";
import type { TableCells, WorkbookCells } from "../../core/read/cells.js";
import { MAX_ROW, type CellRange } from "./cell-range.js";
import type { ValueContext } from "./cell-value.js";
import { parseDateStyles } from "./date-styles.js";
import { checkWorkbookSignature } from "./file-signature.js";
import {
  parseRelationships,
  relationshipsPartOf,
  type Relationship,
} from "./package-relationships.js";
import { SharedStrings } from "./shared-strings.js";
import { READ_LIMITS } from "./read-limits.js";
import { readSheetCells } from "./sheet-cells.js";
import { parseTableDefinition, type TableDefinition } from "./table-definition.js";
import { CellBudget, extractTable, tableRange } from "./table-extract.js";
import { UnreadableWorkbookError } from "./unreadable.js";
import { parseWorkbookPart } from "./workbook-part.js";
import { ZipParts } from "./zip-parts.js";

export { UnreadableWorkbookError } from "./unreadable.js";

const notAWorkbook = (): UnreadableWorkbookError =>
  new UnreadableWorkbookError(
    "the file is not an Excel workbook (a Word or other Office file, or a zip archive without xl/workbook.xml); give the .xlsx workbook",
  );

/**
 * Word and PowerPoint files are zip packages with a main part too: only a
 * SpreadsheetML workbook (transitional or strict) is read as one.
 */
function isSpreadsheetMain(xml: Uint8Array): boolean {
  const head = new TextDecoder().decode(xml.subarray(0, 4096));
  return /spreadsheetml\/2006\/main|purl\.oclc\.org\/ooxml\/spreadsheetml\/main/.test(head);
}

function relationshipsOf(zip: ZipParts, part: string): Relationship[] {
  return parseRelationships(
    part,
    zip.bytes(relationshipsPartOf(part), `the relationships of ${part}`),
  );
}

function workbookPartName(zip: ZipParts): string {
  const root = parseRelationships("", zip.bytes("_rels/.rels", "the package relationships"));
  const main = root.find((r) => r.type === "officeDocument" && zip.has(r.target));
  return main?.target ?? "xl/workbook.xml";
}

function partOfType(
  zip: ZipParts,
  relationships: Relationship[],
  type: string,
  fallback: string,
): string | null {
  const found = relationships.find((r) => r.type === type);
  return found ? found.target : zip.has(fallback) ? fallback : null;
}

interface SheetTables {
  definitions: { definition: TableDefinition; range: CellRange }[];
  /** The rows and columns all the sheet's tables cover, with the row under each. */
  block: CellRange;
}

/** What a caller may leave unread. */
export interface ReadOptions {
  /**
   * Tables not to read, by name: a sheet holding only these is not even
   * inflated (documents skip the assessment history, a workbook's biggest
   * table once a few rounds are collected).
   */
  skipTables?: ReadonlySet<string>;
}

function sheetTables(
  zip: ZipParts,
  sheetPart: string,
  sheet: string,
  skip: ReadonlySet<string>,
): SheetTables | null {
  const definitions: SheetTables["definitions"] = [];
  for (const relationship of relationshipsOf(zip, sheetPart)) {
    if (relationship.type !== "table") continue;
    const xml = zip.bytes(relationship.target, `the table part ${relationship.target}`);
    const definition = xml === null ? null : parseTableDefinition(xml);
    if (definition && !OUTPUT_ONLY_TABLES.has(definition.name) && !skip.has(definition.name))
      definitions.push({ definition, range: tableRange(definition, sheet) });
  }
  if (definitions.length === 0) return null;
  const ranges = definitions.map((d) => d.range);
  return {
    definitions,
    block: {
      top: Math.min(...ranges.map((r) => r.top)),
      left: Math.min(...ranges.map((r) => r.left)),
      bottom: Math.min(MAX_ROW, Math.max(...ranges.map((r) => r.bottom)) + 1),
      right: Math.max(...ranges.map((r) => r.right)),
    },
  };
}

/** Opens .xlsx bytes and returns every table's cells, or throws UnreadableWorkbookError saying why. */
export async function readWorkbookCells(
  bytes: Uint8Array,
  { skipTables = new Set() }: ReadOptions = {},
): Promise<WorkbookCells> {
  checkWorkbookSignature(bytes);
  const zip = new ZipParts(bytes);
  const workbookPart = workbookPartName(zip);
  const workbookXml = zip.bytes(workbookPart, "the workbook part");
  if (workbookXml === null || !isSpreadsheetMain(workbookXml)) throw notAWorkbook();
  const workbook = parseWorkbookPart(workbookXml);
  const relationships = relationshipsOf(zip, workbookPart);
  const stringsPart = partOfType(zip, relationships, "sharedStrings", "xl/sharedStrings.xml");
  const stylesPart = partOfType(zip, relationships, "styles", "xl/styles.xml");
  const context: ValueContext = {
    sharedStrings: new SharedStrings(
      stringsPart === null ? null : zip.bytes(stringsPart, "the shared strings"),
    ),
    dateStyles: parseDateStyles(stylesPart === null ? null : zip.bytes(stylesPart, "the styles")),
    date1904: workbook.date1904,
  };

  const budget = new CellBudget();
  const sheetNames: string[] = [];
  const tables: TableCells[] = [];
  for (const sheet of workbook.sheets) {
    const target = relationships.find((r) => r.id === sheet.relationshipId);
    if (!target || target.type !== "worksheet") continue; // chart and dialog sheets hold no tables
    sheetNames.push(sheet.name);
    const found = sheetTables(zip, target.target, sheet.name, skipTables);
    if (!found) continue;
    const xml = zip.bytes(target.target, `the sheet ${sheet.name}`, READ_LIMITS.sheetBytes);
    if (xml === null) {
      throw new UnreadableWorkbookError(
        `the sheet ${sheet.name} is missing from the file; open it in Excel and save it again`,
      );
    }
    const cells = readSheetCells(xml, found.block, context, sheet.name);
    for (const { definition, range } of found.definitions)
      tables.push(extractTable(definition, range, sheet.name, cells, budget));
  }
  return { sheetNames, tables };
}
