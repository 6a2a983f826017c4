import type { ArrangementType } from "../model/types.js";

/** The documents the builder produces. */
export const DOCUMENT_KINDS = ["terms-of-reference", "agreement"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export function isDocumentKind(value: string): value is DocumentKind {
  return (DOCUMENT_KINDS as readonly string[]).includes(value);
}

/**
 * The document an arrangement needs: informal and advisory partnerships work
 * to terms of reference; formal ones need an agreement (which carries the
 * terms of reference as a schedule). An unknown arrangement gets terms of
 * reference, the lighter document, and the drafting notes say why.
 */
export function documentKindFor(arrangement: ArrangementType | null): DocumentKind {
  return arrangement === "Formal agreement with pooled fund" ||
    arrangement === "Formal agreement without pooled fund"
    ? "agreement"
    : "terms-of-reference";
}

/** The template each document starts from. */
export const MAIN_TEMPLATE: Record<DocumentKind, string> = {
  "terms-of-reference": "terms-of-reference.md.hbs",
  agreement: "agreement.md.hbs",
};

/**
 * Every file in `templates/documents/` the builder needs: the two documents
 * and their partials (`_name.md.hbs` is the partial `name`). Hosts load these
 * and pass them in as `templates`; the add-in bundles them as raw strings.
 */
export const TEMPLATE_FILES = [
  "agreement.md.hbs",
  "terms-of-reference.md.hbs",
  "_board.md.hbs",
  "_contributions.md.hbs",
  "_definitions.md.hbs",
  "_finance-schedule.md.hbs",
  "_functions-schedule.md.hbs",
  "_information-schedule.md.hbs",
  "_parties.md.hbs",
  "_performance-schedule.md.hbs",
  "_signatures.md.hbs",
] as const;

/** `_parties.md.hbs` → `parties`; null for a file that is not a partial. */
export function partialName(file: string): string | null {
  const match = /^_([a-z0-9-]+)\.md\.hbs$/.exec(file);
  return match ? (match[1] ?? null) : null;
}
