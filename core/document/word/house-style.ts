import JSZip from "jszip";

/**
 * An organisation's house style, taken from a reference Word document: the
 * fonts and heading styles its lawyers and board secretaries already use.
 * Pure: hosts read the .docx file and pass its bytes.
 */

export interface FontStyle {
  font?: string;
  /** Size in half-points, as Word stores it (22 = 11pt). */
  size?: number;
  bold?: boolean;
  italic?: boolean;
  /** RRGGBB. */
  color?: string;
}

export interface HouseStyle {
  body: FontStyle;
  title: FontStyle;
  heading1: FontStyle;
  heading2: FontStyle;
  heading3: FontStyle;
}

/** The product's own style: plain Arial, as most public bodies' documents are set. */
export const DEFAULT_HOUSE_STYLE: HouseStyle = {
  body: { font: "Arial", size: 22 },
  title: { font: "Arial", size: 40, bold: true, color: "1F3864" },
  heading1: { font: "Arial", size: 24, bold: true, color: "1F3864" },
  heading2: { font: "Arial", size: 22, bold: true },
  heading3: { font: "Arial", size: 22, bold: true, italic: true },
};

function attribute(xml: string, element: string, name: string): string | undefined {
  const match = new RegExp(`<w:${element}\\b[^>]*\\bw:${name}="([^"]*)"`).exec(xml);
  return match?.[1];
}

function onOff(xml: string, element: string): boolean | undefined {
  const match = new RegExp(`<w:${element}(\\s[^>]*)?/?>`).exec(xml);
  if (!match) return undefined;
  const value = /w:val="([^"]*)"/.exec(match[1] ?? "")?.[1];
  return value === undefined || !["0", "false", "off"].includes(value);
}

function themeFonts(themeXml: string): { major?: string; minor?: string } {
  const major = /<a:majorFont>[\s\S]*?<a:latin typeface="([^"]*)"/.exec(themeXml)?.[1];
  const minor = /<a:minorFont>[\s\S]*?<a:latin typeface="([^"]*)"/.exec(themeXml)?.[1];
  return { major, minor };
}

/** The run properties of a piece of styles.xml as a FontStyle. */
function fontStyleOf(runProperties: string, theme: { major?: string; minor?: string }): FontStyle {
  const style: FontStyle = {};
  const ascii = attribute(runProperties, "rFonts", "ascii");
  const asciiTheme = attribute(runProperties, "rFonts", "asciiTheme");
  const font =
    ascii ?? (asciiTheme?.startsWith("major") ? theme.major : asciiTheme ? theme.minor : undefined);
  if (font) style.font = font;
  const size = attribute(runProperties, "sz", "val");
  if (size && /^\d+$/.test(size)) style.size = Number(size);
  const bold = onOff(runProperties, "b");
  if (bold !== undefined) style.bold = bold;
  const italic = onOff(runProperties, "i");
  if (italic !== undefined) style.italic = italic;
  const color = attribute(runProperties, "color", "val");
  if (color && /^[0-9A-Fa-f]{6}$/.test(color)) style.color = color.toUpperCase();
  return style;
}

function styleRunProperties(stylesXml: string, styleId: string): string | null {
  const match = new RegExp(
    `<w:style\\b[^>]*w:styleId="${styleId}"[^>]*>([\\s\\S]*?)</w:style>`,
  ).exec(stylesXml);
  if (!match) return null;
  return /<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(match[1] ?? "")?.[1] ?? "";
}

/** Reads the house style from the parts of a .docx; what the reference leaves unsaid keeps the default. */
export function houseStyleFromParts(stylesXml: string, themeXml = ""): HouseStyle {
  const theme = themeFonts(themeXml);
  const defaults = /<w:rPrDefault>[\s\S]*?<w:rPr>([\s\S]*?)<\/w:rPr>/.exec(stylesXml)?.[1] ?? "";
  const normal = styleRunProperties(stylesXml, "Normal") ?? "";
  const body = {
    ...DEFAULT_HOUSE_STYLE.body,
    ...fontStyleOf(defaults, theme),
    ...fontStyleOf(normal, theme),
  };
  const pick = (id: string, fallback: FontStyle): FontStyle => {
    const rPr = styleRunProperties(stylesXml, id);
    if (rPr === null) return { ...fallback, font: body.font ?? fallback.font };
    return { ...fallback, font: body.font ?? fallback.font, ...fontStyleOf(rPr, theme) };
  };
  return {
    body,
    title: pick("Title", DEFAULT_HOUSE_STYLE.title),
    heading1: pick("Heading1", DEFAULT_HOUSE_STYLE.heading1),
    heading2: pick("Heading2", DEFAULT_HOUSE_STYLE.heading2),
    heading3: pick("Heading3", DEFAULT_HOUSE_STYLE.heading3),
  };
}

export class HouseStyleError extends Error {}

/** Reads the house style of a reference .docx. Throws HouseStyleError when the bytes are not a Word document. */
export async function readHouseStyle(bytes: Uint8Array): Promise<HouseStyle> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw new HouseStyleError("The style file is not a Word document (.docx)");
  }
  const styles = await zip.file("word/styles.xml")?.async("string");
  if (styles === undefined)
    throw new HouseStyleError("The style file has no word/styles.xml: is it a Word document?");
  const themeName = Object.keys(zip.files).find((name) =>
    /^word\/theme\/theme\d*\.xml$/.test(name),
  );
  const theme = themeName ? await zip.file(themeName)?.async("string") : undefined;
  return houseStyleFromParts(styles, theme ?? "");
}
