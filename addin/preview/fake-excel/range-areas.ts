/** RangeAreas (ExcelApi 1.13), only as far as the reader uses it: the merged areas of a range. */
import { quoteSheet } from "../../../core/layout/address.js";
import { rectAddress, type Rect } from "../../excel/a1.js";
import { FakeClientObject, type FakeContextCore, type PropertySpec } from "./context.js";
import type { FakeSheet } from "./state.js";

export interface RangeAreasTarget {
  sheet: FakeSheet;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeClientObject<RangeAreasTarget> {
  constructor(context: FakeContextCore, locate: () => RangeAreasTarget | null) {
    super(context, locate, "range areas");
    this.install();
  }

  protected properties(): Record<string, PropertySpec<RangeAreasTarget>> {
    return {
      // Excel writes each area with its sheet, separated by ", ".
      address: {
        get: (t) => t.rects.map((r) => `${quoteSheet(t.sheet.name)}!${rectAddress(r)}`).join(", "),
      },
    };
  }
}
