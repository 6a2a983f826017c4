import JSZip from "jszip";

/**
 * The text of a Word part, one line per paragraph (table cells separated by
 * " | "), for golden tests: what a reader of the document sees, without the
 * XML around it.
 */
export function wordXmlText(xml: string): string {
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
    let text = "";
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
  return wordXmlText(parts.get("word/document.xml") ?? "");
}
