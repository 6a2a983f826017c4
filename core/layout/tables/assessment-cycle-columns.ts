import type { ColumnSpec } from "../columns.js";
import { FORMATS } from "../columns.js";
import { escapeColumnName } from "../structured.js";
import type { GridInstrument } from "../../instruments/types.js";
import { SAME_WITHIN } from "../../measures/assessment-analysis.js";

/**
 * The grid's assessment-cycle columns (issue 8), after its statistics:
 * whether partners contest the item, the mean at the previous round and the
 * change since, and each partner's perception gap. The same rules as
 * core/measures/assessment-analysis.ts, as formulas, so the grid answers
 * while partners are still typing scores.
 */

export const CONTESTED = "Contested";
export const PREVIOUS_MEAN = "Previous mean";
export const CHANGE = "Change";

export function gapHeader(shortName: string): string {
  return `Gap ${shortName}`;
}

const GAP_FORMAT = "+0.0;-0.0;0.0";

export function cycleColumns(
  instrument: GridInstrument,
  shortNames: readonly string[],
  span: string,
): ColumnSpec[] {
  const half = (instrument.scale.max - instrument.scale.min) / 2;
  const mean = "[@Mean]";
  const previous = `[@[${PREVIOUS_MEAN}]]`;
  return [
    {
      header: CONTESTED,
      kind: "formula",
      width: 12,
      formula: `=IF(COUNT(${span})<2,"",IF([@Spread]>=${half},"${CONTESTED}",""))`,
      description: `"${CONTESTED}" when the spread is at least half the scale's range (${half}).`,
    },
    {
      header: PREVIOUS_MEAN,
      kind: "number",
      width: 10,
      format: FORMATS.score,
      description: "The item's mean at the previous round, from the Assessment history.",
    },
    {
      header: CHANGE,
      kind: "formula",
      width: 11,
      formula: `=IF(OR(${mean}="",${previous}=""),"",IF(ABS(${mean}-${previous})<${SAME_WITHIN},"same",IF(${mean}>${previous},"improved","worsened")))`,
      description: `improved, worsened or same (within ${SAME_WITHIN}) against the previous round.`,
    },
    ...shortNames.map<ColumnSpec>((name) => {
      const own = `[@[${escapeColumnName(name)}]]`;
      return {
        header: gapHeader(name),
        kind: "formula",
        width: 9,
        format: GAP_FORMAT,
        formula: `=IF(OR(${own}="",COUNT(${span})<2),"",${own}-(SUM(${span})-${own})/(COUNT(${span})-1))`,
        description: `${name}'s score minus the mean of the others' scores: its perception gap.`,
      };
    }),
  ];
}
