import JSZip from "jszip";

/**
 * The text of a Word part, one line per paragraph (table cells separated by
 * " | "), for golden tests: what a reader of the document sees, without the
 * XML around it.
 */
/** Word list levels by w:numId: each level's lvlText and whether a tab follows the number. */
type Lists = Map<string, { text: string; tab: boolean }[]>;

/** The lists numbering.xml defines, so list paragraphs read with their numbers as Word shows them. */
export function numberingLists(numberingXml: string): Lists {
  const abstracts = new Map<string, { text: string; tab: boolean }[]>();
  for (const [, id, body] of numberingXml.matchAll(
    /<w:abstractNum w:abstractNumId="(\d+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = [...(body ?? "").matchAll(/<w:lvl [^>]*>([\s\S]*?)<\/w:lvl>/g)].map(
      ([, lvl]) => ({
        text: /<w:lvlText w:val="([^"]*)"/.exec(lvl ?? "")?.[1] ?? "",
        tab: !/<w:suff w:val="(nothing|space)"/.test(lvl ?? ""),
      }),
    );
    abstracts.set(id ?? "", levels);
  }
  const lists: Lists = new Map();
  for (const [, numId, abstractId] of numberingXml.matchAll(
    /<w:num w:numId="(\d+)"[^>]*><w:abstractNumId w:val="(\d+)"\/>/g,
  ))
    lists.set(numId ?? "", abstracts.get(abstractId ?? "") ?? []);
  return lists;
}

export function wordXmlText(xml: string, lists: Lists = new Map()): string {
  const counters = new Map<string, number[]>();
  const listNumber = (paragraph: string): string => {
    const numPr = /<w:numPr><w:ilvl w:val="(\d+)"\/><w:numId w:val="(\d+)"\/><\/w:numPr>/.exec(
      paragraph,
    );
    if (!numPr) return "";
    const level = Number(numPr[1]);
    const id = numPr[2] ?? "";
    const count = counters.get(id) ?? [];
    count[level] = (count[level] ?? 0) + 1;
    count.length = level + 1;
    counters.set(id, count);
    const definition = lists.get(id)?.[level];
    if (!definition) return "";
    const label = definition.text.replace(/%(\d)/g, (_, n: string) =>
      String(count[Number(n) - 1] ?? 0),
    );
    return definition.tab ? `${label}\t` : label;
  };
  const decode = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, "&");
  const lines: string[] = [];
  const body = xml.replace(/<w:instrText[^>]*>[\s\S]*?<\/w:instrText>/g, "");
  for (const paragraph of body.match(/<w:p[ >][\s\S]*?<\/w:p>|<w:tc>|<\/w:tr>/g) ?? []) {
    if (paragraph === "<w:tc>") {
      lines.push("\u0001");
      continue;
    }
    if (paragraph === "</w:tr>") {
      lines.push("\u0002");
      continue;
    }
    let text = listNumber(paragraph);
    for (const token of paragraph.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>/g) ?? []) {
      if (token === "<w:tab/>") text += "\t";
      else if (token === "<w:br/>") text += "\n";
      else text += decode(token.replace(/<[^>]+>/g, ""));
    }
    lines.push(text);
  }
  // Join table cells of a row onto one line.
  const out: string[] = [];
  let row: string[] | null = null;
  for (const line of lines) {
    if (line === "\u0001") {
      row ??= [];
      row.push("");
    } else if (line === "\u0002") {
      if (row) out.push(`| ${row.join(" | ")} |`);
      row = null;
    } else if (row) {
      row[row.length - 1] = `${row[row.length - 1] ? `${row[row.length - 1]} ` : ""}${line}`;
    } else {
      out.push(line);
    }
  }
  return out.join("\n").replace(/\n{3,}/g, "\n\n");
}

export async function docxParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).sort()) {
    const file = zip.file(name);
    if (file && /\.(xml|rels)$/.test(name)) parts.set(name, await file.async("string"));
  }
  return parts;
}

export async function docxText(bytes: Uint8Array): Promise<string> {
  const parts = await docxParts(bytes);
  return wordXmlText(
    parts.get("word/document.xml") ?? "",
    numberingLists(parts.get("word/numbering.xml") ?? ""),
  );
}
