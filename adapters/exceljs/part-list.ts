import type { WrittenPart } from "./written-parts.js";

/**
 * A written workbook's parts edited as JSZip edits a loaded package (the
 * stages after exceljs once unzipped the file and zipped it again; the list
 * keeps their result byte for byte): a part that exists is replaced where it
 * stands, a new one goes at the end, after any folder entry it needs.
 */
export class PartList {
  private readonly at = new Map<string, number>();

  constructor(readonly parts: WrittenPart[]) {
    parts.forEach((part, index) => this.at.set(part.path, index));
  }

  has(path: string): boolean {
    return this.at.has(path);
  }

  /** A part's text; undefined when it is missing or not text. */
  text(path: string): string | undefined {
    const index = this.at.get(path);
    const content = index === undefined ? undefined : this.parts[index]?.content;
    return typeof content === "string" ? content : undefined;
  }

  content(path: string): WrittenPart["content"] | undefined {
    const index = this.at.get(path);
    return index === undefined ? undefined : this.parts[index]?.content;
  }

  put(path: string, content: WrittenPart["content"]): void {
    const index = this.at.get(path);
    const part = index === undefined ? undefined : this.parts[index];
    if (part) {
      part.content = content;
      return;
    }
    this.folder(path);
    this.at.set(path, this.parts.length);
    this.parts.push({ path, content });
  }

  /** JSZip's createFolders: the parent folder's entry first, outermost first. */
  private folder(path: string): void {
    const slash = path.replace(/\/$/, "").lastIndexOf("/");
    if (slash <= 0) return;
    const folder = path.slice(0, slash + 1);
    if (this.at.has(folder)) return;
    this.folder(folder);
    this.at.set(folder, this.parts.length);
    this.parts.push({ path: folder, content: "" });
  }
}
