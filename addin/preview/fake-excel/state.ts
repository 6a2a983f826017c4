/**
 * The in-memory workbook behind the fake Excel API: plain data that tests can
 * inspect and the preview can export as .xlsx.
 */
import type { Rect } from "../../excel/a1.js";

/** What a cell holds: a constant, or a formula (never evaluated: see README in index.ts). */
export interface FakeCell {
  value: string | number | boolean | null;
  formula: string | null;
  numberFormat: string | null;
}

/** Formatting applied to a rectangle; later layers win, as in Excel. */
export interface FormatLayer {
  rect: Rect;
  fill?: string | null;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  wrap?: boolean;
}

export interface FakeValidation {
  rect: Rect;
  rule: Excel.DataValidationRule;
  errorAlert: Partial<Excel.DataValidationErrorAlert> | null;
}

export type FakeConditionalFormat =
  | { rect: Rect; type: "ColorScale"; criteria: Excel.ConditionalColorScaleCriteria | null }
  | {
      rect: Rect;
      type: "CellValue";
      rule: Excel.ConditionalCellValueRule | null;
      fill: string | null;
      fontColor: string | null;
    };

export interface FakeChartSeries {
  name: string;
  values: Rect | null;
  /** Category labels; null leaves Excel's 1, 2, 3… */
  xValues: Rect | null;
  fill: string | null;
  line: string | null;
  markerStyle?: string;
  /** Excel.ChartLineStyle ("Continuous", "Dash", "None"…); absent is continuous. */
  lineStyle?: string;
  markerBackground?: string;
  markerForeground?: string;
  gapWidth?: number;
  overlap?: number;
}

export interface FakeChart {
  id: number;
  name: string;
  type: string;
  title: string;
  legendPosition: string;
  /** The top-left and bottom-right cells it covers, once placed. */
  position: { from: Rect; to: Rect } | null;
  series: FakeChartSeries[];
  valueAxis: {
    minimum?: number;
    maximum?: number;
    majorUnit?: number;
    numberFormat?: string;
    title?: string;
  };
}

export interface FakeSheet {
  id: number;
  name: string;
  tabColor: string;
  cells: Map<string, FakeCell>;
  formats: FormatLayer[];
  /** Points, by 1-based column. */
  columnWidths: Map<number, number>;
  /** Points by 1-based row, or "autofit" for rows Excel was asked to fit to their text. */
  rowHeights: Map<number, number | "autofit">;
  /** Merged ranges. */
  merges: Rect[];
  freeze: { rows: number; columns: number };
  /** Print settings, as `worksheet.pageLayout` sets them. */
  page: {
    orientation: "Portrait" | "Landscape";
    paperSize: string;
    fitToWidth: number | null;
    /** Print scale in percent, when set instead of pages to fit. */
    scale: number | null;
    titleRows: string;
    titleColumns: string;
  };
  validations: FakeValidation[];
  conditionalFormats: FakeConditionalFormat[];
  charts: FakeChart[];
}

export interface FakeTable {
  id: number;
  name: string;
  sheet: FakeSheet;
  rect: Rect;
  style: string;
  showFilterButton: boolean;
}

export class FakeWorkbookState {
  sheets: FakeSheet[] = [];
  tables: FakeTable[] = [];
  activeSheet: FakeSheet | null = null;
  selection: { sheet: string; address: string } | null = null;
  /** Counts of suspend calls, so tests can see the interpreter asked for them. */
  suspendCalls = { calculation: 0, screenUpdating: 0 };
  private nextId = 1;

  newId(): number {
    return this.nextId++;
  }

  findSheet(name: string): FakeSheet | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  findTable(name: string): FakeTable | undefined {
    const key = name.toLowerCase();
    return this.tables.find((t) => t.name.toLowerCase() === key);
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = {
      id: this.newId(),
      name,
      tabColor: "",
      cells: new Map(),
      formats: [],
      columnWidths: new Map(),
      rowHeights: new Map(),
      merges: [],
      freeze: { rows: 0, columns: 0 },
      page: {
        orientation: "Portrait",
        paperSize: "Letter",
        fitToWidth: null,
        scale: null,
        titleRows: "",
        titleColumns: "",
      },
      validations: [],
      conditionalFormats: [],
      charts: [],
    };
    this.sheets.push(sheet);
    return sheet;
  }
}

export function cellKey(row: number, column: number): string {
  return `${row}:${column}`;
}
