/**
 * Open Packaging Conventions relationships: how one part of an .xlsx names
 * another. Types are matched by their last segment, so Transitional and
 * Strict files both read.
 */
import { XmlScanner } from "./xml-scanner.js";

export interface Relationship {
  id: string;
  /** Last segment of the type URI: "worksheet", "table", "sharedStrings"… */
  type: string;
  /** Part name inside the zip, resolved against the source part. */
  target: string;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relationshipsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Resolves a relationship target (relative, or absolute from the package root) to a part name. */
export function resolveTarget(sourcePart: string, target: string): string {
  const path = safeDecodeUri(target.replace(/\\/g, "/").split("#")[0] ?? "");
  const segments = path.startsWith("/") ? [] : sourcePart.split("/").slice(0, -1); // the source part's folder
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") segments.pop();
    else segments.push(segment);
  }
  return segments.join("/");
}

/** The relationships of `sourcePart`, read from the text of its .rels part (null: none). */
export function parseRelationships(sourcePart: string, xml: Uint8Array | null): Relationship[] {
  if (xml === null) return [];
  const found: Relationship[] = [];
  const scanner = new XmlScanner(xml);
  while (scanner.next()) {
    if (scanner.closing || scanner.name !== "Relationship") continue;
    if (scanner.attr("TargetMode") === "External") continue;
    const id = scanner.attr("Id");
    const type = scanner.attr("Type") ?? "";
    const target = scanner.attr("Target");
    if (id === undefined || target === undefined) continue;
    found.push({
      id,
      type: type.slice(type.lastIndexOf("/") + 1),
      target: resolveTarget(sourcePart, target),
    });
  }
  return found;
}
