import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { workbookBytes } from "../../adapters/exceljs/write-workbook.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import type { Partnership } from "../../core/model/types.js";
import { build, example } from "../core/document/fixtures.js";
import { exampleInstruments } from "../support/example.js";
import { findXmllint, XMLLINT_MISSING } from "../support/ooxml.js";

/** Text pasted from other systems can carry characters XML 1.0 cannot hold at all. */
const HOSTILE = 'Northvale\u0001 \u001b[2JPartnership\u000b\ufffe & <Board> "quoted"';

function hostile(partnership: Partnership): Partnership {
  partnership.details.name = HOSTILE;
  partnership.details.vision = `${HOSTILE} vision`;
  const first = partnership.partners[0];
  if (first) {
    first.organisation = `${HOSTILE} Council`;
    first.signatoryName = `Sig\u0007ned`;
  }
  const objective = partnership.objectives[0];
  if (objective) objective.objective = `Objective\u0000 with a NUL`;
  return partnership;
}

/** Every XML part of a zip package, checked for well-formedness by libxml2. */
async function malformedParts(bytes: Uint8Array, xmllint: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const dir = mkdtempSync(join(tmpdir(), "pw-wellformed-"));
  const bad: string[] = [];
  try {
    const paths = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    const files = await Promise.all(
      paths.map(async (path, i) => {
        const file = join(dir, `${i}.xml`);
        writeFileSync(file, (await zip.file(path)?.async("uint8array")) ?? new Uint8Array());
        return { path, file };
      }),
    );
    for (const { path, file } of files) {
      try {
        execFileSync(xmllint, ["--noout", file], { stdio: "pipe" });
      } catch {
        bad.push(path);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return bad;
}

const xmllint = findXmllint();
if (!xmllint) console.warn(XMLLINT_MISSING);

describe("every XML part written is well-formed, whatever the cells hold", () => {
  it.skipIf(!xmllint)("the workbook", async () => {
    const instruments = await exampleInstruments();
    const partnership = hostile(await example());
    const bytes = await workbookBytes(buildOperations(partnership, instruments));
    expect(await malformedParts(bytes, xmllint ?? "")).toEqual([]);
  });

  it.skipIf(!xmllint)("the agreement and the terms of reference", async () => {
    for (const kind of ["agreement", "terms-of-reference"] as const) {
      const result = await build(kind, hostile(await example()));
      expect(result.bytes, kind).not.toBeNull();
      expect(await malformedParts(result.bytes ?? new Uint8Array(), xmllint ?? ""), kind).toEqual(
        [],
      );
    }
  });
});
