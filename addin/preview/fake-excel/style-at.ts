/** How a cell looks once every format layer over it is applied. */
import type { FormatLayer } from "./state.js";

/** The last layer covering a cell wins, property by property. */
export function styleAt(
  layers: readonly FormatLayer[],
  row: number,
  column: number,
): Omit<FormatLayer, "rect"> {
  const style: Omit<FormatLayer, "rect"> = {};
  for (const layer of layers) {
    const { rect } = layer;
    if (row < rect.top || row > rect.bottom || column < rect.left || column > rect.right) continue;
    if (layer.fill !== undefined) style.fill = layer.fill;
    if (layer.fontColor !== undefined) style.fontColor = layer.fontColor;
    if (layer.bold !== undefined) style.bold = layer.bold;
    if (layer.italic !== undefined) style.italic = layer.italic;
    if (layer.size !== undefined) style.size = layer.size;
    if (layer.wrap !== undefined) style.wrap = layer.wrap;
  }
  return style;
}
