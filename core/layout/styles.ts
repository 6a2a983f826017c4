import type { CellRole } from "./operations.js";

/**
 * How each kind of cell looks. Input cells are pale yellow and formula cells
 * grey italic so an officer sees at once where to type and what is computed.
 */
export interface RoleStyle {
  /** ARGB-free hex colour, "#RRGGBB", or null for no fill. */
  fill: string | null;
  fontColor: string;
  bold: boolean;
  italic: boolean;
  wrap: boolean;
  size: number;
}

const base: RoleStyle = {
  fill: null,
  fontColor: "#201F1E",
  bold: false,
  italic: false,
  wrap: false,
  size: 11,
};

/**
 * Text that wraps stays inside its own cell instead of running over a filled
 * neighbour: input cells hold objectives, visions and commentary, labels
 * name long instruments, and the instruction line is merged across the
 * table so it wraps at its width.
 */
const ROLE_STYLES: Record<CellRole, RoleStyle> = {
  title: { ...base, bold: true, size: 16, fontColor: "#1F4E79" },
  instruction: { ...base, italic: true, fontColor: "#605E5C", wrap: true },
  header: { ...base, bold: true, wrap: true },
  input: { ...base, fill: "#FFF8DC", wrap: true },
  formula: { ...base, fill: "#EDEBE9", italic: true, fontColor: "#323130" },
  label: { ...base, bold: true, wrap: true },
  note: { ...base, italic: true, fontColor: "#605E5C", wrap: true },
};

export function roleStyle(role: CellRole): RoleStyle {
  return ROLE_STYLES[role];
}

/** Colours shared by RAG highlights, colour scales and tabs. */
export const PALETTE = {
  green: "#C6EFCE",
  greenText: "#006100",
  amber: "#FFEB9C",
  amberText: "#9C5700",
  red: "#FFC7CE",
  redText: "#9C0006",
  grey: "#EDEBE9",
  greyText: "#605E5C",
  scaleLow: "#F8696B",
  scaleMid: "#FFEB84",
  scaleHigh: "#63BE7B",
  scaleCalm: "#FFFFFF",
} as const;

export const TABLE_STYLE = "TableStyleLight9";
