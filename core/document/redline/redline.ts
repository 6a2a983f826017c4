import { unzipSync } from "fflate";
import type { Problem } from "../../model/problem.js";
import { escapeXml } from "../../text/xml-escape.js";
import { COMMENT_AUTHOR, COMMENT_INITIALS } from "../word/runs.js";
import { deflatedEntry, writeZip } from "../word/zip.js";
import { splitDocument } from "./body-xml.js";
import { BodyComparison } from "./compare.js";
import { Revisions, REDLINE_AUTHOR } from "./revisions.js";
import { blockRecords, bookmarkKeys } from "./records.js";
import { readSource, SOURCE_PATH, type RedlineSource } from "./source.js";

/**
 * The redline: this year's agreement as Word tracked changes against last
 * year's, as a stage after the document builder. It takes the new document's
 * bytes as built and the earlier document's record of its text (source.ts),
 * marks up the new body, adds a drafting note listing the clauses and
 * schedules that changed, and repacks the file. Accepting every change gives
 * the new document's text; rejecting every change gives last year's.
 */

export interface RedlineInput {
  /** This year's document, as buildDocument made it. */
  newer: Uint8Array;
  /** Last year's document, as this tool made it (it may have been opened and saved in Word since). */
  older: Uint8Array;
  /** The earlier file's name, for messages. */
  olderName: string;
  /**
   * The workbook's document date (YYYY-MM-DD), which dates every change:
   * never the clock, so the same inputs give the same file. When it is blank
   * the changes are dated 1 January 1980 (where zip times start), with a warning.
   */
  documentDate: string | null;
}

/** The date the changes carry, and the warning when the workbook gives none. */
function changeDate(documentDate: string | null): { date: Date; problems: Problem[] } {
  if (documentDate !== null) return { date: new Date(`${documentDate}T00:00:00Z`), problems: [] };
  return {
    date: new Date("1980-01-01T00:00:00Z"),
    problems: [
      {
        severity: "warning",
        sheet: "Partnership",
        cell: "",
        message: "Document date is blank, so the redline's changes are dated 1 January 1980",
        hint: "Fill in the document date to date the changes.",
      },
    ],
  };
}

export interface RedlineResult {
  /** The redline, or null when the earlier document cannot be compared. */
  bytes: Uint8Array | null;
  problems: Problem[];
  /** The drafting note's lines: which clauses and schedules changed. */
  summary: string[];
}

const DOCUMENT = "word/document.xml";
const COMMENTS = "word/comments.xml";
const SETTINGS = "word/settings.xml";
const DOCUMENT_RELS = "word/_rels/document.xml.rels";
const CONTENT_TYPES = "[Content_Types].xml";
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

const decoder = new TextDecoder();
const encoder = new TextEncoder();

function refused(olderName: string, message: string, hint: string): RedlineResult {
  return {
    bytes: null,
    summary: [],
    problems: [{ severity: "error", sheet: olderName, cell: "", message, hint }],
  };
}

/** The record in any of the earlier file's custom XML parts (Word may renumber them on saving). */
function findSource(files: Readonly<Record<string, Uint8Array>>): RedlineSource | null {
  for (const [path, data] of Object.entries(files)) {
    if (!/^customXml\/item\d*\.xml$/.test(path)) continue;
    const source = readSource(decoder.decode(data));
    if (source) return source;
  }
  return null;
}

function largestId(...parts: readonly string[]): number {
  let largest = -1;
  for (const xml of parts)
    for (const match of xml.matchAll(/ w:id="(\d+)"/g))
      largest = Math.max(largest, Number(match[1]));
  return largest;
}

function commentXml(id: number, date: string, lines: readonly string[]): string {
  const paragraphs = lines
    .map((line) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(line)}</w:t></w:r></w:p>`)
    .join("");
  return `<w:comment w:id="${id}" w:author="${COMMENT_AUTHOR}" w:date="${date}" w:initials="${COMMENT_INITIALS}">${paragraphs}</w:comment>`;
}

/** The note's anchor around the first paragraph's content. */
function anchored(paragraph: string, id: number): string {
  const propsEnd = paragraph.indexOf("</w:pPr>");
  const start = propsEnd >= 0 ? propsEnd + "</w:pPr>".length : paragraph.indexOf(">") + 1;
  const end = paragraph.lastIndexOf("</w:p>");
  return (
    paragraph.slice(0, start) +
    `<w:commentRangeStart w:id="${id}"/>` +
    paragraph.slice(start, end) +
    `<w:commentRangeEnd w:id="${id}"/><w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="${id}"/></w:r>` +
    paragraph.slice(end)
  );
}

function noteLines(summary: readonly string[], revisions: Revisions): string[] {
  const head = `Drafting note: redline against the earlier agreement (${REDLINE_AUTHOR}).`;
  if (summary.length === 0) return [head, "No changes to the text since the earlier agreement."];
  return [
    head,
    `${revisions.counts.ins} insertions and ${revisions.counts.del} deletions, in:`,
    ...summary,
    "Clause numbers and cross-references that only moved are not marked: they are Word numbering and fields.",
  ];
}

export function redlineDocument(input: RedlineInput): RedlineResult {
  let older: Record<string, Uint8Array>;
  try {
    older = unzipSync(input.older);
  } catch {
    return refused(
      input.olderName,
      "is not a Word document (.docx) that can be opened",
      "Give the .docx Partnership Workbench generated for the earlier agreement.",
    );
  }
  const oldSource = findSource(older);
  const oldData = older[DOCUMENT];
  if (!oldSource || !oldData)
    return refused(
      input.olderName,
      "carries no record from Partnership Workbench of which clause is which (it was not generated by this version of the tool, or the record was removed), so an exact redline cannot be made",
      "Give the .docx this tool generated for the earlier agreement, or compare the two documents in Word (Review › Compare).",
    );
  const oldXml = decoder.decode(oldData);
  if (/<w:(ins|del|moveFrom|moveTo) /.test(oldXml))
    return refused(
      input.olderName,
      "still holds tracked changes, so it is not one settled text to compare against",
      "Open it in Word, accept or reject its changes (Review › Accept › Accept All Changes), save it, and run the redline again.",
    );
  const oldBlocks = splitDocument(oldXml).blocks;
  const oldRecords = blockRecords(oldBlocks, bookmarkKeys(oldBlocks, oldSource.ids));
  const newer = unzipSync(input.newer);
  const newSourceData = newer[SOURCE_PATH];
  const newSource = newSourceData ? readSource(decoder.decode(newSourceData)) : null;
  const documentData = newer[DOCUMENT];
  if (!newSource || !documentData) throw new Error("The new document lacks its body or its record");

  const documentXml = decoder.decode(documentData);
  const commentsData = newer[COMMENTS];
  const comments = commentsData ? decoder.decode(commentsData) : null;
  const { before, blocks, after } = splitDocument(documentXml);
  const keys = bookmarkKeys(blocks, newSource.ids);
  const records = blockRecords(blocks, keys);
  const { date, problems } = changeDate(input.documentDate);
  const iso = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  const revisions = new Revisions(largestId(documentXml, comments ?? "") + 1, iso);
  const comparison = new BodyComparison(keys, revisions);
  const body = comparison.compare(
    oldRecords,
    blocks.map((xml, i) => ({ xml, record: records[i] ?? { t: "o" } })),
  );
  const summary = comparison.sections.lines();

  const noteId = comments ? largestId(comments) + 1 : 0;
  const first = body.findIndex((xml) => xml.startsWith("<w:p>") || xml.startsWith("<w:p "));
  if (first >= 0) body[first] = anchored(body[first] as string, noteId);
  const note = commentXml(noteId, iso, noteLines(summary, revisions));

  const replaced = new Map<string, string>();
  replaced.set(DOCUMENT, before + body.join("") + after);
  const settings = newer[SETTINGS];
  // Edits the legal team makes to the redline are tracked too (trackRevisions comes before defaultTabStop).
  if (settings)
    replaced.set(
      SETTINGS,
      decoder
        .decode(settings)
        .replace("<w:defaultTabStop ", "<w:trackRevisions/><w:defaultTabStop "),
    );
  if (comments) {
    replaced.set(COMMENTS, comments.replace(/<\/w:comments>\s*$/, `${note}</w:comments>`));
  } else {
    replaced.set(
      COMMENTS,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:comments xmlns:w="${W_NS}">${note}</w:comments>`,
    );
    const rels = decoder.decode(newer[DOCUMENT_RELS] ?? new Uint8Array());
    replaced.set(
      DOCUMENT_RELS,
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rIdRedlineComments" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>',
      ),
    );
    const types = decoder.decode(newer[CONTENT_TYPES] ?? new Uint8Array());
    replaced.set(
      CONTENT_TYPES,
      types.replace(
        "</Types>",
        '<Override ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml" PartName="/word/comments.xml"/></Types>',
      ),
    );
  }
  const names = Object.keys(newer);
  if (!names.includes(COMMENTS)) names.splice(names.indexOf(DOCUMENT) + 1, 0, COMMENTS);
  const entries = names.map((name) => {
    const text = replaced.get(name);
    return deflatedEntry(
      name,
      text === undefined ? (newer[name] as Uint8Array) : encoder.encode(text),
    );
  });
  return { bytes: writeZip(entries, date), problems, summary };
}
