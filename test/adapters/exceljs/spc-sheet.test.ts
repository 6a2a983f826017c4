/**
 * The SPC sheet written by the exceljs adapter: one native line chart per
 * indicator with SPC, each a DrawingML part valid against the ISO schema,
 * referring to the sheet's table and styled as an XmR chart.
 */
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import {
  findXmllint,
  schemaDir,
  schemaPath,
  validatePart,
  XMLLINT_MISSING,
} from "../../support/ooxml.js";
import { monthlyPartnership } from "../../support/monthly-partnership.js";

const ready = findXmllint() !== null && schemaDir() !== null;
if (!ready) console.warn(XMLLINT_MISSING);

async function parts(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files))
    if (!file.dir) out.set(path, await file.async("string"));
  return out;
}

describe("the SPC sheet in a written workbook", () => {
  let bytes: Uint8Array;
  let all: Map<string, string>;
  let xmr: string[];

  beforeAll(async () => {
    bytes = await workbookBytes(buildOperations(monthlyPartnership(), []));
    all = await parts(bytes);
    xmr = [...all.entries()]
      .filter(([path, xml]) => path.startsWith("xl/charts/") && xml.includes("<c:lineChart>"))
      .map(([, xml]) => xml);
  }, 120_000);

  it("holds one XmR line chart per indicator with SPC, referring to the SPC sheet's cells", () => {
    expect(xmr).toHaveLength(3);
    const k1 = xmr.find((xml) => xml.includes("K1: Delayed transfers")) ?? "";
    expect(k1).toContain("<c:f>SPC!$B$5:$B$28</c:f>");
    expect(k1).toContain("<c:f>SPC!$C$5:$C$28</c:f>");
    expect(k1).toContain("<c:f>SPC!$E$4</c:f>");
  });

  it("draws limits dashed without markers, the mean plain and special cause as markers alone", () => {
    const k1 = xmr.find((xml) => xml.includes("K1: Delayed transfers")) ?? "";
    const series = [...k1.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    const named = (name: string) => series.find((s) => s.includes(`<c:v>${name}</c:v>`)) ?? "";
    expect(named("Upper process limit")).toContain('<a:prstDash val="dash"/>');
    expect(named("Upper process limit")).toContain('<c:symbol val="none"/>');
    expect(named("Mean")).not.toContain("prstDash");
    expect(named("Mean")).toContain('<c:symbol val="none"/>');
    expect(named("Special cause")).toContain("<a:ln><a:noFill/></a:ln>");
    expect(named("Value")).toContain('<c:symbol val="circle"/>');
  });

  it("writes the same bytes on every run", async () => {
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    const again = await workbookBytes(buildOperations(monthlyPartnership(), []));
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  }, 120_000);

  it.skipIf(!ready)(
    "every XmR chart part is valid against dml-chart.xsd",
    () => {
      for (const xml of xmr) {
        expect(validatePart(xml, schemaPath("ISO-IEC29500-4_2016/dml-chart.xsd")).errors).toEqual(
          [],
        );
      }
    },
    120_000,
  );
});
