/** exceljs colours are ARGB hex ("FF1F4E79"); the blueprint speaks CSS hex ("#1F4E79"). */
export function argb(hex: string): string {
  return `FF${hex.replace("#", "").toUpperCase()}`;
}
