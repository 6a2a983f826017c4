import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import {
  expectGoldenHashes,
  packageHashes,
  type PackageHashes,
} from "../../support/golden-hashes.js";
import { workbookBytes } from "../../../adapters/exceljs/write-workbook.js";
import { examplePartnership } from "../../../core/example/partnership.js";
import type { Instrument } from "../../../core/instruments/types.js";
import { buildOperations } from "../../../core/layout/blueprint.js";
import { emptyPartnership } from "../../../core/model/empty.js";
import type { Partnership } from "../../../core/model/types.js";
import { syntheticPartnership } from "../../../bench/synthetic.js";
import { exampleInstruments } from "../../support/example.js";

/**
 * The exact bytes of written workbooks, as sha256, recorded before the
 * writer was made faster (styles shared per role and number format, long
 * formulas spliced in after exceljs, one compression pass): speed work must
 * not change a single byte. Each part's hash is kept too, so when a
 * deliberate change (a new format, a chart) moves a workbook the failure
 * names the parts that moved. After a reviewed change, refresh with
 * UPDATE_GOLDEN=1 npx vitest run test/adapters/exceljs/golden-workbook-bytes.test.ts
 */

const GOLDEN = fileURLToPath(new URL("./golden/workbook-bytes.json", import.meta.url));

/** Text a writer must escape or drop, in cells and in the formulas that name partners. */
function hostile(instruments: readonly Instrument[]): Partnership {
  const p = examplePartnership(instruments);
  p.details.name = `Tom & Jerry's <"partnership"> \u0001\u0008 tab\there 🙂`;
  p.partners = p.partners.map((partner, i) => ({
    ...partner,
    organisation: `${partner.organisation} & <Co> "quoted" 'single' \u000B`,
    inKindContribution: i === 0 ? "=1+1 {{constructor}} <script>&" : partner.inKindContribution,
  }));
  const first = p.indicators[0];
  if (first) first.indicator = `${first.indicator} <b>&amp;</b> \u001F\u007F ]]>`;
  return p;
}

const VARIANTS: { name: string; partnership: (all: Instrument[]) => Partnership }[] = [
  { name: "example", partnership: (all) => examplePartnership(all) },
  { name: "blank, 5 partners", partnership: () => emptyPartnership(5) },
  {
    name: "synthetic, 40 indicators × 12",
    partnership: (all) => syntheticPartnership(40, 12, 8, all),
  },
  { name: "example with hostile text", partnership: hostile },
];

async function current(): Promise<Record<string, PackageHashes>> {
  const instruments = await exampleInstruments();
  const result: Record<string, PackageHashes> = {};
  for (const variant of VARIANTS)
    result[variant.name] = packageHashes(
      await workbookBytes(buildOperations(variant.partnership(instruments), instruments)),
    );
  return result;
}

describe("golden bytes of written workbooks", () => {
  it("are byte-identical to the recorded sha256, part by part", async () => {
    const now = await current();
    expectGoldenHashes(GOLDEN, now);
  }, 120_000);
});
