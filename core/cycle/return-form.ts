/**
 * A partner's return (issue 8): what one small workbook sent to one partner
 * holds, and where. The exceljs adapter writes it and reads it back; collect
 * checks it against the master. Both sides take positions from here, so a
 * return written today is read the same way tomorrow.
 */
import type { GridInstrument, Scale } from "../instruments/types.js";
import { hashText } from "../model/random.js";

/** Recorded inside every return, so a file that is not one is told apart from an old one. */
export const RETURN_FORMAT = "Partnership Workbench return 1";

/** The hidden sheet holding the return's identity, one Key | Value row each. */
export const DETAILS_SHEET = "Return details";
export const START_SHEET = "Start here";

/** Rows of the details sheet (row 1 is its header), in this order. */
export const DETAIL_KEYS = [
  "Format",
  "Partnership",
  "Partner",
  "Round",
  "Anonymous",
  "Instruments",
  "Statements hash",
] as const;
export type DetailKey = (typeof DETAIL_KEYS)[number];

/** The details cell of a key ("B3"), for located messages. */
export function detailCell(key: DetailKey): string {
  return `B${DETAIL_KEYS.indexOf(key) + 2}`;
}

/** Where the statements sit on each instrument's sheet. */
export const RETURN_GRID = {
  headerRow: 7,
  firstRow: 8,
  section: 1,
  statement: 2,
  score: 3,
  comment: 4,
  /** The scale's key, two columns to the right of the grid. */
  key: 6,
} as const;

export const RETURN_HEADERS = ["Section", "Statement", "Score", "Comment (optional)"] as const;

export interface ReturnStatement {
  section: string;
  statement: string;
}

export interface ReturnInstrument {
  id: string;
  sheet: string;
  title: string;
  instructions: string;
  scale: Scale;
  statements: ReturnStatement[];
}

export interface ReturnForm {
  partnership: string;
  partner: string;
  round: string;
  anonymous: boolean;
  instruments: ReturnInstrument[];
  /** Of every instrument's id and statements: a changed instrument is told apart from an edited return. */
  statementsHash: string;
}

export function returnInstrument(instrument: GridInstrument): ReturnInstrument {
  return {
    id: instrument.id,
    sheet: instrument.sheet,
    title: instrument.title,
    instructions: instrument.instructions,
    scale: instrument.scale,
    statements: instrument.sections.flatMap((section) =>
      section.statements.map((s) => ({ section: section.name, statement: s.text })),
    ),
  };
}

export function statementsHash(instruments: readonly ReturnInstrument[]): string {
  const text = instruments
    .map((i) =>
      [i.id, ...i.statements.map((s) => `${s.section}\u0001${s.statement}`)].join("\u0002"),
    )
    .join("\u0003");
  // Two FNV passes over different seeds' worth of text: 64 bits is plenty to tell edits apart.
  return [hashText(text), hashText(`${text.length}:${text}`)]
    .map((n) => n.toString(16).padStart(8, "0"))
    .join("");
}

export function returnForm(
  partnership: string,
  partner: string,
  round: string,
  anonymous: boolean,
  instruments: readonly GridInstrument[],
): ReturnForm {
  const forms = instruments.map(returnInstrument);
  return {
    partnership,
    partner,
    round,
    anonymous,
    instruments: forms,
    statementsHash: statementsHash(forms),
  };
}

/** The plain instructions printed on the start sheet and above each grid. */
export function returnInstructions(form: ReturnForm): string[] {
  return [
    `Please score each statement for ${form.partnership || "the partnership"} as your organisation sees it, on its own: do not confer with other partners first.`,
    "Pick a score from the dropdown in the yellow Score column (the key to the scores is to the right of each grid). Leave a score blank if you cannot say.",
    "Add a comment where it helps the board understand your score. Nothing else on the sheets can be changed.",
    form.anonymous
      ? "This round is anonymous: your scores are stored under a respondent number, with no record of which partner gave them. Who has returned is still recorded."
      : "Your scores are stored under your organisation's short name.",
    "Save the file (any name will do) and send it back to the partnership officer.",
  ];
}

/** A safe file name for a partner's return: its short name, without characters file systems refuse. */
export function returnFileName(shortName: string): string {
  const safe = [...shortName]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/:*?"<>|'.includes(c) ? "-" : c))
    .join("")
    .replace(/^[.\s]+|[.\s]+$/g, "")
    .slice(0, 100);
  return `${safe || "partner"}.xlsx`;
}
