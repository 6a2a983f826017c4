import { strFromU8 } from "fflate";

/** The part a named sheet is written to ("xl/worksheets/sheet5.xml"), from the workbook part and its relationships. */
export function sheetPartPath(parts: Record<string, Uint8Array>, sheet: string): string {
  const text = (path: string) => strFromU8(parts[path] ?? new Uint8Array());
  const workbook = text("xl/workbook.xml");
  const id = new RegExp(`<sheet [^>]*name="${sheet}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = id
    ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(text("xl/_rels/workbook.xml.rels"))?.[1]
    : undefined;
  if (!target) throw new Error(`The workbook has no sheet named ${sheet}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}
