import { columnPoints } from "../../core/layout/print.js";

/**
 * The blueprint gives widths in characters (as .xlsx stores them); Office.js
 * sets `columnWidth` in points. A character of the default 11 pt font is 7 px
 * plus 5 px of padding per column, and a point is 4/3 px.
 */
export function charactersToPoints(characters: number): number {
  return Math.round(columnPoints(characters) * 100) / 100;
}

export function pointsToCharacters(points: number): number {
  return Math.max(0, Math.round(((points / 0.75 - 5) / 7) * 100) / 100);
}
