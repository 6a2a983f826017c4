import { align } from "./align.js";
import type { BlockXml, ParagraphXml, RowXml, TableXml } from "./body-xml.js";
import { changedParagraph, deletedParagraph, insertedParagraph } from "./paragraphs.js";
import { markedRowProperties, type Revisions } from "./revisions.js";
import {
  paragraphRecord,
  type BlockRecord,
  type ParagraphRecord,
  type RowRecord,
  type TableRecord,
} from "./records.js";
import { Sections, type Change } from "./sections.js";
import { identityText, similarity } from "./tokens.js";

/**
 * This year's body against last year's record, block by block: paragraphs
 * paired by clause key or text, tables by their header row and then row by
 * row, so a partner added to the parties' table is one row inserted.
 */

interface NewBlock {
  xml: BlockXml;
  record: BlockRecord;
}

type Side = { record: BlockRecord; xml?: BlockXml };

function identity(record: BlockRecord): string {
  switch (record.t) {
    case "p":
      return record.k !== undefined ? `k:${record.k}` : `t:${identityText(record.s)}`;
    case "tbl":
      return `tbl:${record.r[0]?.c.map((c) => c.ps.map((p) => identityText(p.s)).join("\n")).join("\u0002") ?? ""}`;
    case "o":
      return "o";
  }
}

function columns(table: TableRecord): number {
  return table.r[0]?.c.length ?? 0;
}

function likeness(a: BlockRecord, b: BlockRecord): number {
  if (a.t === "p" && b.t === "p") {
    if (a.k !== undefined && b.k !== undefined && a.k !== b.k) return 0;
    return similarity(a.s, b.s);
  }
  if (a.t === "tbl" && b.t === "tbl") return columns(a) === columns(b) ? 1 : 0;
  return a.t === b.t ? 1 : 0;
}

function rowText(row: RowRecord): string[] {
  return row.c.map((c) => c.ps.map((p) => identityText(p.s)).join("\n"));
}

function rowLikeness(a: RowRecord, b: RowRecord): number {
  const left = rowText(a);
  const right = rowText(b);
  // Rows of a register are named by their first cell (a partner, an indicator).
  if (left[0] !== undefined && left[0] !== "" && left[0] === right[0]) return 1;
  return similarity(
    a.c.flatMap((c) => c.ps.flatMap((p) => p.s)),
    b.c.flatMap((c) => c.ps.flatMap((p) => p.s)),
  );
}

export class BodyComparison {
  readonly sections = new Sections();

  /** Clause key → the bookmark a REF field to it names in this year's document. */
  private readonly bookmarks = new Map<string, string>();
  private readonly gone = new Map<string, string>();

  constructor(
    private readonly keys: ReadonlyMap<string, string>,
    private readonly revisions: Revisions,
  ) {
    for (const [name, key] of keys)
      if (name.startsWith("_Ref") && !this.bookmarks.has(key)) this.bookmarks.set(key, name);
  }

  private paragraph(older: ParagraphRecord, newer: ParagraphXml, record: ParagraphRecord): string {
    if (identityText(older.s) === identityText(record.s)) return newer.xml;
    return changedParagraph(newer, older, this.keys, this.bookmarks, this.revisions);
  }

  private deletedRow(row: RowRecord): string {
    const cells = row.c
      .map(
        (cell) =>
          `<w:tc>${cell.p}${cell.ps.map((p) => deletedParagraph(p, this.bookmarks, this.revisions, { markParagraph: false })).join("")}</w:tc>`,
      )
      .join("");
    return `<w:tr>${markedRowProperties(row.p, this.revisions.mark("del"))}${cells}</w:tr>`;
  }

  private insertedRow(row: RowXml): string {
    const cells = row.cells
      .map(
        (cell) =>
          `<w:tc>${cell.tcPr}${cell.paragraphs.map((p) => insertedParagraph(p, this.revisions, { markParagraph: false })).join("")}</w:tc>`,
      )
      .join("");
    return `<w:tr>${markedRowProperties(row.trPr, this.revisions.mark("ins"))}${cells}</w:tr>`;
  }

  private changedRow(older: RowRecord, newer: RowXml): string {
    const cells = newer.cells
      .map((cell, c) => {
        const oldCell = older.c[c];
        const paragraphs = cell.paragraphs
          .map((p, i) => {
            const old = oldCell?.ps[i];
            return old
              ? this.paragraph(old, p, paragraphRecord(p, this.keys))
              : insertedParagraph(p, this.revisions, { markParagraph: false });
          })
          .join("");
        return `<w:tc>${cell.tcPr}${paragraphs}</w:tc>`;
      })
      .join("");
    return `<w:tr>${newer.trPr}${cells}</w:tr>`;
  }

  private table(older: TableRecord, newer: TableXml, record: TableRecord): string {
    const rows = newer.rows.map((xml, i) => ({ xml, record: record.r[i] as RowRecord }));
    const olderRows = older.r.map((record) => ({ record }));
    type R = { record: RowRecord; xml?: RowXml };
    const pairs = align<R>(
      olderRows,
      rows,
      (r) => rowText(r.record).join("\u0002"),
      (a, b) => rowLikeness(a.record, b.record),
    );
    let changed = false;
    const body = pairs
      .map((pair) => {
        if (pair.kind === "delete") {
          changed = true;
          return this.deletedRow(pair.older.record);
        }
        const xml = pair.newer.xml as RowXml;
        if (pair.kind === "insert") {
          changed = true;
          return this.insertedRow(xml);
        }
        if (rowText(pair.older.record).join("\u0002") === rowText(pair.newer.record).join("\u0002"))
          return xml.xml;
        changed = true;
        return this.changedRow(pair.older.record, xml);
      })
      .join("");
    if (changed) this.sections.note("changed");
    return changed ? `<w:tbl>${newer.head}${body}</w:tbl>` : newer.xml;
  }

  private deletedTable(table: TableRecord): string {
    this.sections.note("changed");
    return `<w:tbl>${table.h}${table.r.map((row) => this.deletedRow(row)).join("")}</w:tbl>`;
  }

  private insertedTable(table: TableXml): string {
    this.sections.note("changed");
    return `<w:tbl>${table.head}${table.rows.map((row) => this.insertedRow(row)).join("")}</w:tbl>`;
  }

  private pairing(older: BlockRecord | null, newer: NewBlock | null): string {
    if (newer?.record.t === "p") this.sections.seeNew(newer.record, older === null);
    if (older?.t === "p") this.sections.seeOld(older, newer === null);
    if (newer && older) {
      if (newer.record.t === "p" && older.t === "p" && newer.xml.kind === "p") {
        const xml = this.paragraph(older, newer.xml, newer.record);
        if (xml !== newer.xml.xml) this.sections.note("changed");
        return xml;
      }
      if (newer.record.t === "tbl" && older.t === "tbl" && newer.xml.kind === "tbl")
        return this.table(older, newer.xml, newer.record);
      return newer.xml.xml;
    }
    if (newer) {
      if (newer.xml.kind === "p") {
        this.sections.note("added");
        return insertedParagraph(newer.xml, this.revisions);
      }
      if (newer.xml.kind === "tbl") return this.insertedTable(newer.xml);
      return newer.xml.xml;
    }
    if (older?.t === "p") {
      this.sections.note("removed");
      const bookmark = older.k === undefined ? undefined : this.gone.get(older.k);
      return deletedParagraph(older, this.bookmarks, this.revisions, { bookmark });
    }
    if (older?.t === "tbl") return this.deletedTable(older);
    return "";
  }

  /** Bookmarks for last year's clauses that are gone this year, so deleted references to them stay fields. */
  private bookmarkGone(older: readonly BlockRecord[]): void {
    const visit = (p: ParagraphRecord) => {
      if (p.k === undefined || this.bookmarks.has(p.k)) return;
      const name = `_RefRedline${String(this.gone.size + 1).padStart(6, "0")}`;
      this.gone.set(p.k, name);
      this.bookmarks.set(p.k, name);
    };
    for (const block of older) {
      if (block.t === "p") visit(block);
      else if (block.t === "tbl")
        for (const row of block.r) for (const cell of row.c) cell.ps.forEach(visit);
    }
  }

  /** The body's blocks as the redline writes them. */
  compare(older: readonly BlockRecord[], newer: readonly NewBlock[]): string[] {
    this.bookmarkGone(older);
    const pairs = align<Side>(
      older.map((record) => ({ record })),
      newer,
      (side) => identity(side.record),
      (a, b) => likeness(a.record, b.record),
    );
    return pairs.map((pair) => {
      switch (pair.kind) {
        case "both":
          return this.pairing(pair.older.record, pair.newer as NewBlock);
        case "insert":
          return this.pairing(null, pair.newer as NewBlock);
        case "delete":
          return this.pairing(pair.older.record, null);
      }
    });
  }
}

export type { Change };
