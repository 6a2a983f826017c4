/**
 * Series colours when a spec gives none: distinct, print well in greyscale
 * order (dark to light) and avoid red/amber/green, which the workbook keeps
 * for RAG status so a colour never suggests a status it does not mean.
 */
export const SERIES_PALETTE = ["#1F4E79", "#5B9BD5", "#7F6084", "#A5A5A5", "#264478", "#9DC3E6"];

/** The spec's colour as a DrawingML `srgbClr` value ("C00000"), or the palette's. */
export function seriesColour(color: string | undefined, index: number): string {
  const chosen = color && /^#?[0-9a-f]{6}$/i.test(color) ? color : undefined;
  const hex = chosen ?? SERIES_PALETTE[index % SERIES_PALETTE.length]!;
  return hex.replace(/^#/, "").toUpperCase();
}

/**
 * Strong versions of the workbook's RAG fills: the pale highlight colours
 * are unreadable as bars, and in greyscale they still order dark (red) to
 * light (no data).
 */
export const RAG_CHART_COLOURS = {
  Green: "#00B050",
  Amber: "#FFC000",
  Red: "#C00000",
  "No data": "#BFBFBF",
} as const;
