import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { unzipSync } from "fflate";
import { expect } from "vitest";

/**
 * Golden sha256 of zip packages we write (workbooks, documents), whole and
 * part by part, so a failure names the parts that moved. Recorded only on
 * request (UPDATE_GOLDEN=1) after a reviewed change; a missing golden file is
 * a failure, never a silent first recording.
 */
export interface PackageHashes {
  file: string;
  parts: Record<string, string>;
}

export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

export function packageHashes(bytes: Uint8Array): PackageHashes {
  const parts: Record<string, string> = {};
  for (const [path, data] of Object.entries(unzipSync(bytes)).sort(([a], [b]) => (a < b ? -1 : 1)))
    parts[path] = sha256(data);
  return { file: sha256(bytes), parts };
}

export function expectGoldenHashes(golden: string, now: Record<string, PackageHashes>): void {
  if (process.env.UPDATE_GOLDEN) {
    mkdirSync(dirname(golden), { recursive: true });
    writeFileSync(golden, `${JSON.stringify(now, null, 2)}\n`);
  }
  expect(existsSync(golden), `${golden} is missing: record it with UPDATE_GOLDEN=1`).toBe(true);
  const recorded = JSON.parse(readFileSync(golden, "utf8")) as Record<string, PackageHashes>;
  // Parts first, so a failure says which part moved; then the whole file (zip layout, times).
  for (const name of Object.keys(recorded))
    expect(now[name]?.parts, `${name}: parts`).toEqual(recorded[name]?.parts);
  for (const name of Object.keys(recorded))
    expect(now[name]?.file, `${name}: file`).toBe(recorded[name]?.file);
  expect(Object.keys(now)).toEqual(Object.keys(recorded));
}
