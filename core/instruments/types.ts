/**
 * An assessment instrument as written in `templates/instruments/*.yaml`.
 * A new instrument is a new file, never new code.
 */

/** Scores are whole numbers from min to max; labels explain them to the scorer. */
export interface Scale {
  min: number;
  max: number;
  labels: Record<number, string>;
}

/** A verdict applies to a mean at or above `min` (bands are sorted by the parser, highest first). */
export interface Band {
  min: number;
  verdict: string;
}

export interface Statement {
  text: string;
  /** True where no published wording was found and the product wrote its own. */
  ownWording: boolean;
}

export interface Section {
  name: string;
  statements: Statement[];
}

export type RegisterColumnType = "text" | "number" | "date" | "choice" | "formula";

export interface RegisterColumn {
  header: string;
  type: RegisterColumnType;
  /** For `choice`: the dropdown's values. */
  options: string[];
  /** For `formula`: Excel syntax with `[@Column]` references to the same row. */
  formula: string;
  width: number;
  /** For `number`: the whole-number range a cell must fall in, when the register sets one (likelihood 1–5). */
  range: { min: number; max: number } | null;
}

interface InstrumentBase {
  /** Letters, digits and underscores: the table is named `Assessment_<id>`. */
  id: string;
  title: string;
  /** The worksheet's name (31 characters at most, as Excel requires). */
  sheet: string;
  source: string;
  /** One line shown above the grid: how to fill it in. */
  instructions: string;
}

/** Each partner scores each statement; the grid shows mean, spread and a verdict. */
export interface GridInstrument extends InstrumentBase {
  kind: "grid";
  scale: Scale;
  sections: Section[];
  bands: Band[];
  /** Max − min at or above which partners are flagged as disagreeing. */
  disagreementSpread: number;
  /**
   * Whether a low score means a weakness, so the item may be listed among the
   * weakest. False for scales that are not about quality, such as the stage a
   * relationship has reached.
   */
  lowIsWeak: boolean;
}

/** A register or ledger: free rows with typed columns (benefits, risks, bank account). */
export interface RegisterInstrument extends InstrumentBase {
  kind: "register";
  columns: RegisterColumn[];
  /** Rows the register starts with (for example the seed's pitfalls). */
  rows: Record<string, string | number | null>[];
}

export type Instrument = GridInstrument | RegisterInstrument;
