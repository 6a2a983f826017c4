import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  expectGoldenHashes,
  packageHashes,
  sha256,
  type PackageHashes,
} from "../../support/golden-hashes.js";
import type { BuildInput, DocumentKind, HouseStyle } from "../../../core/document/index.js";
import type { Partnership } from "../../../core/model/types.js";
import { build, completeExample, example } from "./fixtures.js";

/**
 * The exact bytes of the example documents, as sha256, recorded before the
 * packing path was made faster (invariant parts built and compressed once and
 * reused): speed work must not change a single byte. Each part's hash is kept
 * too, so when a deliberate change (a template, a chart) moves a document the
 * failure names the parts that moved. After a reviewed change, refresh with
 * UPDATE_GOLDEN=1 npx vitest run test/core/document/golden-bytes.test.ts.
 */

const GOLDEN = fileURLToPath(new URL("./golden/bytes.json", import.meta.url));

/** A house style unlike the default in every field the packing path reads. */
const HOUSE: HouseStyle = {
  body: { font: "Georgia", size: 24, color: "202020" },
  title: { font: "Georgia", size: 44, bold: true, italic: true, color: "7F0000" },
  heading1: { font: "Georgia", size: 26, bold: true },
  heading2: { font: "Georgia", size: 24, italic: true },
  heading3: { font: "Verdana", size: 22 },
};

interface Variant {
  name: string;
  kind: DocumentKind;
  partnership: () => Promise<Partnership>;
  options: Partial<Omit<BuildInput, "kind" | "partnership">>;
}

const VARIANTS: Variant[] = (["agreement", "terms-of-reference"] as const).flatMap((kind) => [
  { name: `${kind} draft`, kind, partnership: example, options: {} },
  { name: `${kind} draft without notes`, kind, partnership: example, options: { notes: false } },
  { name: `${kind} final`, kind, partnership: completeExample, options: { mode: "final" } },
  { name: `${kind} draft, house style`, kind, partnership: example, options: { style: HOUSE } },
  {
    name: `${kind} final, house style`,
    kind,
    partnership: completeExample,
    options: { mode: "final", style: HOUSE },
  },
]);

async function current(): Promise<Record<string, PackageHashes>> {
  const result: Record<string, PackageHashes> = {};
  for (const variant of VARIANTS) {
    const built = await build(variant.kind, await variant.partnership(), variant.options);
    if (!built.bytes) throw new Error(`${variant.name} was refused`);
    result[variant.name] = packageHashes(built.bytes);
  }
  return result;
}

describe("golden bytes of the example documents", () => {
  it("are byte-identical to the recorded sha256, part by part", async () => {
    const now = await current();
    expectGoldenHashes(GOLDEN, now);
  }, 120_000);

  it("the same build twice, and builds in another mode or style in between, give the same bytes", async () => {
    const partnership = await example();
    const first = (await build("agreement", partnership)).bytes;
    await build("agreement", await completeExample(), { mode: "final", style: HOUSE });
    await build("terms-of-reference", partnership, { notes: false });
    const again = (await build("agreement", partnership)).bytes;
    expect(first).not.toBeNull();
    expect(sha256(again ?? new Uint8Array())).toBe(sha256(first ?? new Uint8Array()));
  }, 120_000);
});
