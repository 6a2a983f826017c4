/**
 * Charts (ExcelApi ≤ 1.9), as strict as the rest of the fake: the source
 * range must be a Range object, types and positions must be ones Excel
 * takes, colours must be colours, and a series that does not exist when the
 * batch runs is ItemNotFound. Charts are kept with their sheet, so deleting
 * the sheet deletes them.
 */
import { rectAddress, type Rect } from "../../excel/a1.js";
import { FakeClientObject, type FakeContextCore, type PropertySpec } from "./context.js";
import { invalidArgument, itemNotFound } from "./errors.js";
import { FakeRange, rectOf } from "./range.js";
import type { FakeChart, FakeChartSeries, FakeSheet } from "./state.js";

/** The chart types the fake draws; any other is refused rather than silently kept. */
const CHART_TYPES = new Set([
  "ColumnClustered",
  "ColumnStacked",
  "ColumnStacked100",
  "BarClustered",
  "BarStacked",
  "Line",
  "LineMarkers",
  "Radar",
  "RadarMarkers",
  "RadarFilled",
  "Pie",
]);
const SERIES_BY = new Set(["Auto", "Columns", "Rows"]);
const LEGEND_POSITIONS = new Set(["Top", "Bottom", "Left", "Right", "Corner"]);
const MARKER_STYLES = new Set([
  "Automatic",
  "None",
  "Square",
  "Diamond",
  "Triangle",
  "X",
  "Star",
  "Dot",
  "Dash",
  "Circle",
  "Plus",
]);
/** Excel.ChartLineStyle. */
const LINE_STYLES = new Set([
  "None",
  "Continuous",
  "Dash",
  "DashDot",
  "DashDotDot",
  "LongDash",
  "LongDashDot",
  "RoundDot",
  "SquareDot",
]);

function colour(value: unknown): string {
  if (typeof value !== "string" || !/^#[0-9A-Fa-f]{6}$/.test(value))
    throw invalidArgument(`Not a colour: ${String(value)}`);
  return value;
}

function finiteNumber(value: unknown, what: string): number {
  if (typeof value !== "number" || !Number.isFinite(value))
    throw invalidArgument(`${what} must be a number, got ${String(value)}`);
  return value;
}

/** A Range object's rectangle on the chart's sheet. */
function sourceRect(chartSheet: FakeSheet, range: unknown, what: string): Rect {
  if (!(range instanceof FakeRange)) throw invalidArgument(`${what} must be a Range object.`);
  const target = range.target();
  if (target.sheet !== chartSheet)
    throw invalidArgument(
      `${what} ${rectAddress(target.rect)} is not on sheet ${chartSheet.name}.`,
    );
  return target.rect;
}

/** Write-only helpers: the add-in sets these and never reads them back. */
class Queued<T> {
  constructor(
    protected readonly context: FakeContextCore,
    protected readonly target: () => T,
  ) {}

  protected later(run: (target: T) => void, payload?: unknown): void {
    this.context.enqueue(() => run(this.target()), payload);
  }
}

export class FakeChartTitle {
  constructor(
    private readonly context: FakeContextCore,
    private readonly store: (text: string) => void,
  ) {}

  set text(value: string) {
    if (typeof value !== "string") throw invalidArgument("A title is text.");
    this.context.enqueue(() => this.store(value), value);
  }
}

export class FakeChartLegend extends Queued<FakeChart> {
  set position(value: string) {
    if (!LEGEND_POSITIONS.has(value)) throw invalidArgument(`Not a legend position: ${value}`);
    this.later((c) => (c.legendPosition = value), value);
  }
}

export class FakeValueAxis extends Queued<FakeChart["valueAxis"]> {
  set minimum(value: number) {
    const n = finiteNumber(value, "minimum");
    this.later((a) => (a.minimum = n), n);
  }

  set maximum(value: number) {
    const n = finiteNumber(value, "maximum");
    this.later((a) => (a.maximum = n), n);
  }

  set majorUnit(value: number) {
    const n = finiteNumber(value, "majorUnit");
    if (n <= 0) throw invalidArgument("majorUnit must be above 0.");
    this.later((a) => (a.majorUnit = n), n);
  }

  set numberFormat(value: string) {
    if (typeof value !== "string" || value === "") throw invalidArgument("Not a number format.");
    this.later((a) => (a.numberFormat = value), value);
  }

  get title(): FakeChartTitle {
    return new FakeChartTitle(this.context, (text) => (this.target().title = text));
  }
}

export class FakeChartSeriesFormat {
  constructor(
    private readonly context: FakeContextCore,
    private readonly series: () => FakeChartSeries,
  ) {}

  get fill(): { setSolidColor(color: string): void } {
    return {
      setSolidColor: (color: string) => {
        const c = colour(color);
        this.context.enqueue(() => (this.series().fill = c), c);
      },
    };
  }

  get line(): { color: string; lineStyle: string } {
    const context = this.context;
    const series = this.series;
    return {
      set color(value: string) {
        const c = colour(value);
        context.enqueue(() => (series().line = c), c);
      },
      set lineStyle(value: string) {
        if (!LINE_STYLES.has(value)) throw invalidArgument(`Not a line style: ${value}`);
        context.enqueue(() => (series().lineStyle = value), value);
      },
    } as { color: string; lineStyle: string };
  }
}

export class FakeChartSeriesObject extends Queued<FakeChartSeries> {
  constructor(
    context: FakeContextCore,
    target: () => FakeChartSeries,
    private readonly sheet: () => FakeSheet,
  ) {
    super(context, target);
  }

  set name(value: string) {
    if (typeof value !== "string") throw invalidArgument("A series name is text.");
    this.later((s) => (s.name = value), value);
  }

  setValues(range: FakeRange): void {
    this.later((s) => (s.values = sourceRect(this.sheet(), range, "Series values")));
  }

  setXAxisValues(range: FakeRange): void {
    this.later((s) => (s.xValues = sourceRect(this.sheet(), range, "Category labels")));
  }

  get format(): FakeChartSeriesFormat {
    return new FakeChartSeriesFormat(this.context, () => this.target());
  }

  set markerStyle(value: string) {
    if (!MARKER_STYLES.has(value)) throw invalidArgument(`Not a marker style: ${value}`);
    this.later((s) => (s.markerStyle = value), value);
  }

  set markerBackgroundColor(value: string) {
    const c = colour(value);
    this.later((s) => (s.markerBackground = c), c);
  }

  set markerForegroundColor(value: string) {
    const c = colour(value);
    this.later((s) => (s.markerForeground = c), c);
  }

  set gapWidth(value: number) {
    const n = finiteNumber(value, "gapWidth");
    if (n < 0 || n > 500) throw invalidArgument("gapWidth runs from 0 to 500.");
    this.later((s) => (s.gapWidth = n), n);
  }

  set overlap(value: number) {
    const n = finiteNumber(value, "overlap");
    if (n < -100 || n > 100) throw invalidArgument("overlap runs from -100 to 100.");
    this.later((s) => (s.overlap = n), n);
  }
}

function newSeries(name: string, values: Rect | null): FakeChartSeries {
  return { name, values, xValues: null, fill: null, line: null };
}

export class FakeChartSeriesCollection {
  constructor(
    private readonly context: FakeContextCore,
    private readonly chart: () => FakeChart,
    private readonly sheet: () => FakeSheet,
  ) {}

  getItemAt(index: number): FakeChartSeriesObject {
    let found: FakeChartSeries | null = null;
    this.context.enqueue(() => {
      found = this.chart().series[index] ?? null;
      if (!found) throw itemNotFound(`series ${index}`);
    }, index);
    return new FakeChartSeriesObject(
      this.context,
      () => found as unknown as FakeChartSeries,
      this.sheet,
    );
  }

  add(name?: string, index?: number): FakeChartSeriesObject {
    let created: FakeChartSeries | null = null;
    this.context.enqueue(() => {
      const series = this.chart().series;
      created = newSeries(name ?? `Series${series.length + 1}`, null);
      if (index === undefined) series.push(created);
      else if (index >= 0 && index <= series.length) series.splice(index, 0, created);
      else throw invalidArgument(`No series position ${index}.`);
    }, name);
    return new FakeChartSeriesObject(
      this.context,
      () => created as unknown as FakeChartSeries,
      this.sheet,
    );
  }
}

export class FakeChartObject extends FakeClientObject<FakeChart> {
  /** `sheet`: the chart's worksheet (charts keep no link back to it, so a workbook's state stays plain data). */
  constructor(
    context: FakeContextCore,
    locate: () => FakeChart | null,
    private readonly sheet: () => FakeSheet,
    description = "chart",
  ) {
    super(context, locate, description);
    this.install();
  }

  protected properties(): Record<string, PropertySpec<FakeChart>> {
    return {
      name: {
        get: (c) => c.name,
        set: (c, v) => {
          if (typeof v !== "string" || v.trim() === "" || v.length > 255)
            throw invalidArgument(`${JSON.stringify(v)} is not a valid chart name.`);
          c.name = v;
        },
      },
      chartType: { get: (c) => c.type },
    };
  }

  get title(): FakeChartTitle {
    return new FakeChartTitle(this.context, (text) => (this.target().title = text));
  }

  get legend(): FakeChartLegend {
    return new FakeChartLegend(this.context, () => this.target());
  }

  get axes(): { valueAxis: FakeValueAxis } {
    return { valueAxis: new FakeValueAxis(this.context, () => this.target().valueAxis) };
  }

  get series(): FakeChartSeriesCollection {
    return new FakeChartSeriesCollection(this.context, () => this.target(), this.sheet);
  }

  /** Covers the cells from `start` to `end`, as Excel places a chart. */
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    this.context.enqueue(() => {
      const at = (cell: string | FakeRange) =>
        typeof cell === "string" ? rectOf(cell) : sourceRect(this.sheet(), cell, "Position");
      const from = at(start);
      const to = end === undefined ? from : at(end);
      if (to.bottom < from.top || to.right < from.left)
        throw invalidArgument(
          `The chart cannot end at ${rectAddress(to)}, above or left of ${rectAddress(from)}.`,
        );
      this.target().position = {
        from: { ...from, bottom: from.top, right: from.left },
        to: { ...to, top: to.bottom, left: to.right },
      };
    }, [typeof start === "string" ? start : null, typeof end === "string" ? end : null]);
  }
}

export class FakeChartCollection {
  constructor(
    private readonly context: FakeContextCore,
    private readonly sheet: () => FakeSheet,
  ) {}

  add(type: string, sourceData: FakeRange, seriesBy: string = "Auto"): FakeChartObject {
    if (!CHART_TYPES.has(type))
      throw invalidArgument(`${JSON.stringify(type)} is not a chart type.`);
    if (!SERIES_BY.has(seriesBy)) throw invalidArgument(`Not a seriesBy: ${seriesBy}`);
    let created: FakeChart | null = null;
    this.context.enqueue(() => {
      const state = this.context.state;
      const sheet = this.sheet();
      const rect = sourceRect(sheet, sourceData, "Source data");
      // One series per column (by rows when asked), named as Excel names them before a rename.
      const byRows = seriesBy === "Rows";
      const count = byRows ? rect.bottom - rect.top + 1 : rect.right - rect.left + 1;
      const series = Array.from({ length: count }, (_, i) =>
        newSeries(
          `Series${i + 1}`,
          byRows
            ? { ...rect, top: rect.top + i, bottom: rect.top + i }
            : { ...rect, left: rect.left + i, right: rect.left + i },
        ),
      );
      created = {
        id: state.newId(),
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        title: "",
        legendPosition: "Right",
        position: null,
        series,
        valueAxis: {},
      };
      sheet.charts.push(created);
    }, [type, seriesBy]);
    return new FakeChartObject(this.context, () => created, this.sheet, "new chart");
  }

  getItem(name: string): FakeChartObject {
    const chart = new FakeChartObject(
      this.context,
      () => this.sheet().charts.find((c) => c.name === name) ?? null,
      this.sheet,
      `chart ${name}`,
    );
    this.context.enqueue(() => chart.target(), name);
    return chart;
  }
}
