import { describe, expect, it } from "vitest";
import type { DocumentKind } from "../../../../core/document/index.js";
import { redlineDocument } from "../../../../core/document/redline/index.js";
import type { Partnership } from "../../../../core/model/types.js";
import { build, example } from "../fixtures.js";
import { trackedText } from "./tracked-text.js";

/**
 * Beyond the four edits of issue 10: other changes a year brings, in the
 * agreement and in the terms of reference, and the two documents against
 * each other. Accepting every change gives the new text, rejecting every
 * change the old, whatever moved.
 */

const EDITS: Record<string, (p: Partnership) => void> = {
  "a partner removed": (p) => void p.partners.splice(2, 1),
  "a partner renamed": (p) => {
    const partner = p.partners[0];
    if (partner) partner.organisation = `${partner.organisation} Board`;
  },
  "the vision rewritten": (p) =>
    (p.details.vision = "A new vision, rewritten for the coming year."),
  "the chair left blank": (p) => (p.details.chair = ""),
  "integrated provision switched": (p) =>
    (p.details.integratedProvision = !p.details.integratedProvision),
  "a service line removed": (p) => void p.finance.splice(0, 1),
  "objectives reordered": (p) => void p.objectives.reverse(),
  "many at once": (p) => {
    p.partners.splice(2, 1);
    p.details.vision = "Different.";
    p.finance.splice(0, 2);
    p.objectives.reverse();
  },
};

async function bytes(kind: DocumentKind, edit?: (p: Partnership) => void): Promise<Uint8Array> {
  const partnership = await example();
  edit?.(partnership);
  const built = await build(kind, partnership);
  if (!built.bytes) throw new Error(JSON.stringify(built.problems));
  return built.bytes;
}

function expectExact(older: Uint8Array, newer: Uint8Array): void {
  const result = redlineDocument({
    older,
    newer,
    olderName: "last.docx",
    documentDate: "2026-04-01",
  });
  if (!result.bytes) throw new Error(JSON.stringify(result.problems));
  expect(trackedText(result.bytes, "accept")).toEqual(trackedText(newer, "none"));
  expect(trackedText(result.bytes, "reject")).toEqual(trackedText(older, "none"));
}

describe("redline, more edits", () => {
  for (const kind of ["agreement", "terms-of-reference"] as const) {
    for (const [name, edit] of Object.entries(EDITS)) {
      it(`${kind}, ${name}`, async () => {
        expectExact(await bytes(kind), await bytes(kind, edit));
      }, 120_000);
    }
  }

  it("terms of reference last year, an agreement this year", async () => {
    expectExact(await bytes("terms-of-reference"), await bytes("agreement"));
  }, 120_000);
});
