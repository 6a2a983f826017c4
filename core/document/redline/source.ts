import type { PackagePart } from "../word/package.js";
import { unescapeXml } from "../../text/xml-escape.js";

/**
 * What a generated document carries for next year's redline: a small custom
 * XML part (Word keeps custom XML parts when it saves a file) that says the
 * tool made it and names the clause each cross-reference bookmark marks
 * (bookmarks are numbered by order, template ids say which clause is which
 * from one year to the next). The text itself is read from the document's
 * own body when the redline is made, so last year's agreement as it was
 * signed, edits made in Word included, is what the redline compares against.
 */

export interface RedlineSource {
  v: 1;
  /** Bookmark name → template id. */
  ids: Record<string, string>;
}

export const SOURCE_NAMESPACE = "urn:partnership-workbench:redline-source";
export const SOURCE_PATH = "customXml/item1.xml";
const CUSTOM_XML_RELATIONSHIP =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";

export function sourceXml(ids: ReadonlyMap<string, string>): string {
  const source: RedlineSource = { v: 1, ids: Object.fromEntries(ids) };
  // JSON in CDATA: nothing to escape or undo; "]]>" cannot appear outside a JSON string, and inside one it is written \u003e.
  const json = JSON.stringify(source).replace(/]]>/g, "]]\\u003e");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    `<redlineSource xmlns="${SOURCE_NAMESPACE}" version="1"><![CDATA[${json}]]></redlineSource>`
  );
}

/** Word's data-store id for the part: fixed, so the same input gives the same bytes. */
const ITEM_ID = "{7D0C5E2A-3B41-4F6E-9A58-1C2D3E4F5A6B}";

/**
 * The custom XML part with its properties part, as Word writes a data-store
 * item (an item with its properties is one Word keeps as it is), in the form
 * the packer adds parts (package.ts).
 */
export function sourceParts(ids: ReadonlyMap<string, string>): PackagePart[] {
  return [
    {
      path: SOURCE_PATH,
      data: sourceXml(ids),
      contentType: "application/xml",
      relationship: {
        from: "word/_rels/document.xml.rels",
        id: "rIdRedlineSource",
        type: CUSTOM_XML_RELATIONSHIP,
        target: "../customXml/item1.xml",
      },
    },
    {
      path: "customXml/itemProps1.xml",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' +
        `<ds:datastoreItem ds:itemID="${ITEM_ID}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
        `<ds:schemaRefs><ds:schemaRef ds:uri="${SOURCE_NAMESPACE}"/></ds:schemaRefs></ds:datastoreItem>`,
      contentType: "application/vnd.openxmlformats-officedocument.customXmlProperties+xml",
    },
    {
      path: "customXml/_rels/item1.xml.rels",
      data:
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps" Target="itemProps1.xml"/>' +
        "</Relationships>",
      // .rels parts take their type from the package's Default for the extension.
      contentType: "",
    },
  ];
}

/** The record in a custom XML part's text, or null when the part is not this tool's. */
export function readSource(xml: string): RedlineSource | null {
  if (!xml.includes(SOURCE_NAMESPACE)) return null;
  // CDATA as written; escaped text if an editor rewrote it.
  const cdata = /<redlineSource [^>]*><!\[CDATA\[([\s\S]*)\]\]><\/redlineSource>/.exec(xml);
  const text = /<redlineSource [^>]*>([^<]*)<\/redlineSource>/.exec(xml);
  const json = cdata ? cdata[1] : text ? unescapeXml(text[1] ?? "") : undefined;
  if (json === undefined) return null;
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed === "object" && parsed !== null && (parsed as { v?: unknown }).v === 1)
      return parsed as RedlineSource;
  } catch {
    return null;
  }
  return null;
}
