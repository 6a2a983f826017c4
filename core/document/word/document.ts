import {
  AlignmentType,
  Document,
  Footer,
  Header,
  PageNumber,
  Paragraph,
  TextRun,
  type ICommentOptions,
  type IRunStylePropertiesOptions,
} from "docx";
import { TextWatermark } from "docx/watermarks";
import type { FrontMatter } from "../markup/blocks.js";
import type { Inline } from "../markup/inline.js";
import type { Body } from "./body.js";
import type { FontStyle, HouseStyle } from "./house-style.js";
import { NUMBERING_CONFIG, registerLists } from "./numbering.js";
import { contentsPages } from "./page-estimate.js";
import { Comments, inlineRuns } from "./runs.js";
import { paragraphStyles } from "./styles.js";
import { fieldBegin, fieldEnd, internalLink, paragraph, run } from "./xml.js";

/**
 * The Word package: docx builds the styles, the header (with the DRAFT
 * watermark in drafts), the footer with page numbers, the comments, settings
 * and relationships, once per house style and mode (see skeleton.ts);
 * `documentXml` writes the body around them: title page, a contents page
 * already filled in (a clean TOC field, so Word does not ask to update
 * fields), and the clauses.
 */

export interface DocumentParts {
  front: FrontMatter;
  body: Body;
  comments: Comments;
  draft: boolean;
  style: HouseStyle;
  /** "DRAFT – version 0.3 – 1 April 2026" in drafts; the title, version and date in finals. */
  headerText: string;
}

const PAGE = { width: 11906, height: 16838, margin: 1440, header: 708, footer: 708 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

/** The namespaces docx declares on its own document part, so the body may use any of them. */
const DOCUMENT_OPEN =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<w:document xmlns:wpc="http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas" ' +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
  'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math" xmlns:v="urn:schemas-microsoft-com:vml" ' +
  'xmlns:wp14="http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing" ' +
  'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" xmlns:w10="urn:schemas-microsoft-com:office:word" ' +
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml" ' +
  'xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml" xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" ' +
  'xmlns:wpi="http://schemas.microsoft.com/office/word/2010/wordprocessingInk" xmlns:wne="http://schemas.microsoft.com/office/word/2006/wordml" ' +
  'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" mc:Ignorable="w14 w15 wp14">';

function runStyle(style: FontStyle): IRunStylePropertiesOptions {
  return {
    font: style.font,
    size: style.size,
    bold: style.bold,
    italics: style.italic,
    color: style.color,
  };
}

function titlePage(
  front: FrontMatter,
  comments: Comments,
  draft: boolean,
  headerText: string,
): string {
  const line = (content: Inline[], before?: number) =>
    paragraph(inlineRuns(content, comments), { style: "TitleLine", spacingBefore: before });
  let xml = paragraph(inlineRuns(front.title, comments), {
    style: "Title",
    align: "center",
    spacingBefore: 2880,
    spacingAfter: 480,
  });
  if (front.subtitle.length > 0) xml += line(front.subtitle);
  front.lines.forEach((content, i) => (xml += line(content, i === 0 ? 720 : undefined)));
  if (draft)
    xml += paragraph(run(headerText, { bold: true, color: "C00000" }), {
      style: "TitleLine",
      spacingBefore: 1440,
    });
  return xml;
}

/** Where a contents line's title starts after its clause number, by level (twips). */
const CONTENTS_NUMBER_TAB: Record<number, number> = { 1: 567, 2: 1134 };

function contents(body: Body, bodySize: number): string {
  const offset = 1 + contentsPages(body.contents, bodySize / 2);
  const heading = paragraph(run("Contents"), { style: "ContentsHeading", pageBreakBefore: true });
  const entries = body.contents;
  const begin = fieldBegin('TOC \\o "1-2" \\h \\z \\u');
  const lines =
    entries.length === 0
      ? paragraph(begin + fieldEnd(), { style: "TOC1" })
      : entries
          .map((entry, i) => {
            const link = internalLink(
              entry.bookmark,
              run(`${entry.title}\t${entry.bodyPage + offset + 1}`),
            );
            return paragraph(
              `${i === 0 ? begin : ""}${link}${i === entries.length - 1 ? fieldEnd() : ""}`,
              {
                style: `TOC${entry.level}`,
                // Without a left stop the number's tab would jump to the page-number stop.
                leftTab: CONTENTS_NUMBER_TAB[entry.level] ?? CONTENTS_NUMBER_TAB[1],
                rightTab: TEXT_WIDTH,
              },
            );
          })
          .join("");
  const sdt =
    '<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr>' +
    `<w:sdtContent>${lines}</w:sdtContent></w:sdt>`;
  return heading + sdt;
}

/** What the package around the body depends on: the same for every document in a house style and mode, but for the header's text and the comments. */
export interface PackageLook {
  style: HouseStyle;
  draft: boolean;
  headerText: string;
  comments: readonly ICommentOptions[];
}

function header(parts: PackageLook): Header {
  const text = new TextRun({
    text: parts.headerText,
    size: 16,
    color: parts.draft ? "C00000" : "595959",
  });
  const children = parts.draft
    ? [new TextWatermark({ text: "DRAFT", font: parts.style.body.font ?? "Arial" }), text]
    : [text];
  return new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children })] });
}

function footer(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            size: 18,
            children: ["Page ", PageNumber.CURRENT, " of ", PageNumber.TOTAL_PAGES],
          }),
        ],
      }),
    ],
  });
}

/** The package without its body; `documentXml` supplies the body. */
export function wordPackage(parts: PackageLook): Document {
  const { style } = parts;
  const document = new Document({
    creator: "Partnership Workbench",
    lastModifiedBy: "Partnership Workbench",
    comments: { children: [...parts.comments] },
    // Word refreshes the contents page and the cross-references on opening: both are already right as written.
    features: { updateFields: true },
    numbering: { config: NUMBERING_CONFIG },
    styles: {
      default: {
        document: { run: runStyle(style.body), paragraph: { spacing: { after: 120 } } },
        title: { run: runStyle(style.title) },
        heading1: {
          run: runStyle(style.heading1),
          paragraph: { spacing: { before: 240, after: 120 }, keepNext: true },
        },
        heading2: {
          run: runStyle(style.heading2),
          paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
        },
        heading3: {
          run: runStyle(style.heading3),
          paragraph: { spacing: { before: 120, after: 80 }, keepNext: true },
        },
      },
      paragraphStyles: paragraphStyles(),
      characterStyles: [
        {
          id: "CommentReference",
          name: "annotation reference",
          basedOn: "DefaultParagraphFont",
          run: { size: 16 },
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.margin,
              right: PAGE.margin,
              bottom: PAGE.margin,
              left: PAGE.margin,
              header: PAGE.header,
              footer: PAGE.footer,
            },
          },
        },
        headers: { default: header(parts) },
        footers: { default: footer() },
        children: [],
      },
    ],
  });
  registerLists(document);
  return document;
}

/** The title page, contents and clauses, as pieces of XML in order. Comments are gathered as it goes. */
export function documentContent(parts: DocumentParts): string[] {
  const bodySize = parts.style.body.size ?? 22;
  const hasBody = parts.body.xml.some((xml) => xml.length > 0);
  const start = hasBody ? paragraph("", { style: "AfterTable", pageBreakBefore: true }) : "";
  return [
    titlePage(parts.front, parts.comments, parts.draft, parts.headerText) +
      contents(parts.body, bodySize) +
      start,
    ...parts.body.xml,
  ];
}

/** The relationship numbers of the package's header and footer, for the section that uses them. */
export interface SectionReferences {
  headerId: number | undefined;
  footerId: number | undefined;
}

export function sectionReferences(document: Document): SectionReferences {
  return {
    headerId: document.Headers[0]?.View.ReferenceId,
    footerId: document.Footers[0]?.View.ReferenceId,
  };
}

/** `word/document.xml`, in pieces: the content, then the section with the package's header and footer. */
export function documentXml(
  content: readonly string[],
  { headerId, footerId }: SectionReferences,
): string[] {
  const sectPr =
    "<w:sectPr>" +
    (headerId === undefined ? "" : `<w:headerReference w:type="default" r:id="rId${headerId}"/>`) +
    (footerId === undefined ? "" : `<w:footerReference w:type="default" r:id="rId${footerId}"/>`) +
    `<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}" w:orient="portrait"/>` +
    `<w:pgMar w:top="${PAGE.margin}" w:right="${PAGE.margin}" w:bottom="${PAGE.margin}" w:left="${PAGE.margin}" w:header="${PAGE.header}" w:footer="${PAGE.footer}" w:gutter="0"/>` +
    '<w:cols w:space="708"/><w:docGrid w:linePitch="360"/></w:sectPr>';
  return [`${DOCUMENT_OPEN}<w:body>`, ...content, `${sectPr}</w:body></w:document>`];
}
