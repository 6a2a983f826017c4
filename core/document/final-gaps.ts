import type { Problem } from "../model/problem.js";
import type { ReadOrigins } from "../model/origins.js";
import type { Partnership } from "../model/types.js";
import { missingValues } from "./missing-values.js";
import { documentKindFor, type DocumentKind } from "./kinds.js";
import { parseMarkup } from "./markup/blocks.js";
import { compileTemplates, renderMarkup } from "./render.js";
import { viewModel } from "./view-model.js";
import { coverageProblems, eligibilityProblems } from "./legal-checks.js";
import { regulationCoverage } from "./regulation-coverage.js";
import { MAIN_TEMPLATE } from "./kinds.js";

export interface FinalGapsInput {
  partnership: Partnership;
  /** Where the reader found each value, so each gap names its real cell. */
  origins?: ReadOrigins;
  templates: Readonly<Record<string, string>>;
  /** The document to check; by default the one the arrangement needs (`generate auto`). */
  kind?: DocumentKind;
}

export interface FinalGaps {
  kind: DocumentKind;
  /** One warning per value the final document needs and the workbook leaves blank. */
  gaps: Problem[];
  /** Template errors that stop every document, whatever the workbook holds. */
  templateProblems: Problem[];
  /** What the law refuses in a final agreement: ineligible parties, regulation 7(3) gaps (errors). */
  legal: Problem[];
}

/**
 * The law's refusals for a rendered document: parties (section 75) and, for
 * a pooled fund, regulation 7(3) coverage. Draft builds show them as
 * warnings; final builds and `check` treat them as errors.
 */
export function legalProblems(
  partnership: Partnership,
  kind: DocumentKind,
  markup: string,
  origins?: ReadOrigins,
): Problem[] {
  const pooled =
    kind === "agreement" && partnership.details.arrangement === "Formal agreement with pooled fund";
  const coverage = regulationCoverage(markup, { pooled, draft: false });
  return [
    ...eligibilityProblems(partnership, kind, origins),
    ...(pooled ? coverageProblems(coverage.missing, MAIN_TEMPLATE[kind]) : []),
  ];
}

export const FINAL_GAP_TEXT = "needed for a final document";

/**
 * What `generate --final` would refuse for, before anyone runs it: renders
 * the document exactly as a final build does (same view model, same
 * templates, same list of missing values) and reports each gap at the cell
 * the reader found it in. A workbook with no errors and no gaps gets its
 * final document.
 */
export function finalDocumentGaps(input: FinalGapsInput): FinalGaps {
  const kind = input.kind ?? documentKindFor(input.partnership.details.arrangement);
  const { compiled, problems } = compileTemplates(input.templates);
  if (problems.length > 0) return { kind, gaps: [], templateProblems: problems, legal: [] };
  const context = viewModel(input.partnership, kind, "final", input.origins);
  const rendered = renderMarkup(compiled, kind, context);
  if (rendered.problems.length > 0)
    return { kind, gaps: [], templateProblems: rendered.problems, legal: [] };
  const legal = legalProblems(input.partnership, kind, rendered.markup, input.origins);
  const gaps = missingValues(parseMarkup(rendered.markup)).map((missing): Problem => {
    const bang = missing.location.lastIndexOf("!");
    return {
      severity: "warning",
      sheet: bang > 0 ? missing.location.slice(0, bang) : missing.location || "Workbook",
      cell: bang > 0 ? missing.location.slice(bang + 1) : "",
      message: `${missing.label} is blank: ${FINAL_GAP_TEXT}`,
      hint: "Fill it in; until then a draft shows it as [MISSING: …].",
    };
  });
  return { kind, gaps, templateProblems: [], legal };
}
