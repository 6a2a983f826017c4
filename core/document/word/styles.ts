import { AlignmentType, TabStopType, type IParagraphStyleOptions } from "docx";

/**
 * The paragraph styles the body uses. Indents, spacing and alignment live in
 * styles rather than on each paragraph, so the body stays small, and a firm
 * that wants its clauses indented differently changes one style in Word.
 */

/** Where text starts at each clause level, in twips. */
const TEXT_LEFT: Record<number, number> = { 0: 0, 1: 720, 2: 720, 3: 1584 };

export function textLeft(level: number): number {
  return TEXT_LEFT[Math.min(Math.max(level, 0), 3)] ?? 720;
}

export const TABLE_TEXT_SIZE = 18;

export const STYLE_IDS = {
  heading1: "ClauseHeading",
  heading1Unnumbered: "PartHeading",
  schedule: "ScheduleHeading",
  subheading: "ClauseSubheading",
  clause2: "Clause2",
  clause3: "Clause3",
  tableText: "TableText",
  afterTable: "AfterTable",
  chart: "Chart",
  body: (indent: number): string =>
    indent <= 0 ? "BodyText" : textLeft(indent) > 720 ? "BodyIndent3" : "BodyIndent1",
  list: (indent: number, depth: 1 | 2): string =>
    `List${textLeft(indent) > 720 ? "Deep" : ""}${depth}`,
} as const;

const JUSTIFIED = { alignment: AlignmentType.JUSTIFIED, spacing: { after: 120 } } as const;

function hanging(left: number, hang: number) {
  return {
    indent: { left, hanging: hang },
    tabStops: [{ type: TabStopType.LEFT, position: left }],
  };
}

/** A justified list paragraph whose label hangs 720 twips left of its text at `left`. */
function listStyle(id: string, name: string, left: number) {
  return {
    id,
    name,
    basedOn: "Normal",
    paragraph: {
      alignment: AlignmentType.JUSTIFIED,
      spacing: { after: 80 },
      ...hanging(left, 720),
    },
  };
}

export function paragraphStyles(): IParagraphStyleOptions[] {
  return [
    {
      id: STYLE_IDS.heading1,
      name: "Clause Heading",
      basedOn: "Heading1",
      next: STYLE_IDS.clause2,
      quickFormat: true,
      paragraph: { ...hanging(720, 720), outlineLevel: 0, keepNext: true, keepLines: true },
    },
    {
      id: STYLE_IDS.heading1Unnumbered,
      name: "Part Heading",
      basedOn: "Heading1",
      next: "Normal",
      // Body-text level: Word's refreshed contents lists clauses and schedules, as the written one does, not "Parties".
      paragraph: { keepNext: true, keepLines: true, outlineLevel: 9 },
    },
    {
      id: STYLE_IDS.schedule,
      name: "Schedule Heading",
      basedOn: "Heading1",
      next: STYLE_IDS.heading1,
      paragraph: {
        alignment: AlignmentType.CENTER,
        outlineLevel: 0,
        keepNext: true,
        keepLines: true,
        spacing: { before: 0, after: 240 },
      },
    },
    {
      id: STYLE_IDS.subheading,
      name: "Clause Subheading",
      basedOn: "Normal",
      next: STYLE_IDS.clause2,
      run: { bold: true },
      paragraph: {
        indent: { left: 720 },
        keepNext: true,
        keepLines: true,
        spacing: { before: 120, after: 80 },
      },
    },
    {
      id: STYLE_IDS.clause2,
      name: "Clause 2",
      basedOn: "Normal",
      paragraph: { ...JUSTIFIED, ...hanging(720, 720) },
    },
    {
      id: STYLE_IDS.clause3,
      name: "Clause 3",
      basedOn: "Normal",
      paragraph: { ...JUSTIFIED, ...hanging(1584, 864) },
    },
    { id: "BodyText", name: "Body Text", basedOn: "Normal", paragraph: { ...JUSTIFIED } },
    {
      id: "BodyIndent1",
      name: "Body Indent 1",
      basedOn: "Normal",
      paragraph: { ...JUSTIFIED, indent: { left: 720 } },
    },
    {
      id: "BodyIndent3",
      name: "Body Indent 3",
      basedOn: "Normal",
      paragraph: { ...JUSTIFIED, indent: { left: 1584 } },
    },
    listStyle("List1", "List (a)", 1440),
    listStyle("List2", "List (i)", 2160),
    listStyle("ListDeep1", "List (a) deep", 2304),
    listStyle("ListDeep2", "List (i) deep", 3024),
    {
      id: STYLE_IDS.tableText,
      name: "Table Text",
      basedOn: "Normal",
      run: { size: TABLE_TEXT_SIZE },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: STYLE_IDS.afterTable,
      name: "After Table",
      basedOn: "Normal",
      run: { size: 12 },
      paragraph: { spacing: { after: 120 } },
    },
    {
      // A chart sits at the full text width, centred, never split from its page.
      id: STYLE_IDS.chart,
      name: "Chart",
      basedOn: "Normal",
      paragraph: {
        alignment: AlignmentType.CENTER,
        spacing: { before: 120, after: 120 },
        keepLines: true,
      },
    },
    {
      id: "TitleLine",
      name: "Title Line",
      basedOn: "Normal",
      run: { size: 24 },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 240 } },
    },
    {
      id: "ContentsHeading",
      name: "Contents Heading",
      basedOn: "Normal",
      run: { bold: true, size: 28 },
      paragraph: { spacing: { after: 240 } },
    },
    {
      id: "TOC1",
      name: "toc 1",
      basedOn: "Normal",
      next: "Normal",
      paragraph: { spacing: { after: 60 } },
    },
    {
      id: "TOC2",
      name: "toc 2",
      basedOn: "Normal",
      next: "Normal",
      paragraph: { indent: { left: 440 }, spacing: { after: 40 } },
    },
  ];
}
