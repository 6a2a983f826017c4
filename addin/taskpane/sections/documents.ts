/**
 * Documents: terms of reference or the agreement, draft or final, built from
 * the open workbook by the same core code as `partnership generate`, and
 * handed to the user as a .docx. Nothing is sent anywhere.
 */
import {
  buildDocument,
  documentKindFor,
  type DocumentKind,
  type DocumentMode,
} from "../../../core/document/index.js";
import { buildPerformanceReport } from "../../../core/document/performance-report/build.js";
import { buildAssessmentReport } from "../../../core/document/assessment-report/build.js";
import { hasErrors } from "../../../core/model/problem.js";
import { clear, h } from "../dom.js";
import { DOCX_MIME, offerDownload, type PaneHost, type PaneResources } from "../host.js";
import { problemList } from "../problem-list.js";
import type { StatusArea } from "../status.js";
import { readOpenWorkbook } from "../workbook-session.js";

/** The documents, and the board's performance report (issue 9) beside them. */
type Choice = DocumentKind | "performance-report" | "assessment-report";

const KIND_LABEL: Record<Choice, string> = {
  "terms-of-reference": "Terms of reference",
  agreement: "Partnership agreement",
  "performance-report": "Performance report",
  "assessment-report": "Assessment report",
};

function fileName(kind: Choice, mode: DocumentMode, partnershipName: string): string {
  const slug = partnershipName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .slice(0, 40);
  return `${slug ? `${slug}-` : ""}${kind}-${mode}.docx`;
}

export function documentsSection(
  host: PaneHost,
  resources: PaneResources,
  status: StatusArea,
): HTMLElement {
  const kind = h(
    "select",
    { id: "doc-kind", "aria-label": "Document" },
    h("option", { value: "auto", text: "The one this arrangement needs" }),
    h("option", { value: "terms-of-reference", text: KIND_LABEL["terms-of-reference"] }),
    h("option", { value: "agreement", text: KIND_LABEL.agreement }),
    h("option", {
      value: "performance-report",
      text: `${KIND_LABEL["performance-report"]} (latest period)`,
    }),
    h("option", {
      value: "assessment-report",
      text: `${KIND_LABEL["assessment-report"]} (current round)`,
    }),
  );
  const draft = h("input", {
    type: "radio",
    name: "doc-mode",
    id: "doc-draft",
    value: "draft",
    checked: true,
  });
  const final = h("input", { type: "radio", name: "doc-mode", id: "doc-final", value: "final" });
  const notes = h("input", { type: "checkbox", id: "doc-notes", checked: true });
  const build = h("button", {
    class: "primary",
    text: "Create document",
    "data-testid": "doc-build",
  });
  const output = h("div", { class: "results", "data-testid": "doc-output" });
  const section = h(
    "section",
    { class: "section", id: "section-documents" },
    h("h2", { text: "Documents" }),
    h("p", {
      class: "lead",
      text: "Writes the terms of reference, the partnership agreement or the board's performance report from this workbook, as a Word document on this computer.",
    }),
    h(
      "fieldset",
      {},
      h("legend", { text: "Document" }),
      h("div", { class: "choice" }, kind),
      h(
        "div",
        { class: "choice" },
        draft,
        h("label", { for: "doc-draft", text: "Draft: gaps are marked for you to fill" }),
      ),
      h(
        "div",
        { class: "choice" },
        final,
        h("label", { for: "doc-final", text: "Final: only when nothing is missing" }),
      ),
      h(
        "div",
        { class: "choice" },
        notes,
        h("label", { for: "doc-notes", text: "Drafting notes as Word comments (drafts only)" }),
      ),
    ),
    h("div", { class: "buttons" }, build),
    output,
  );

  build.addEventListener("click", () => {
    void status.run("Reading the workbook…", "create the document", section, async () => {
      const open = await readOpenWorkbook(host, resources.instruments);
      const chosen: Choice =
        kind.value === "auto"
          ? documentKindFor(open.partnership.details.arrangement)
          : (kind.value as Choice);
      const mode: DocumentMode = final.checked ? "final" : "draft";
      status.info(`Writing the ${KIND_LABEL[chosen].toLowerCase()}…`);
      const common = {
        partnership: open.partnership,
        workbookProblems: open.problems,
        origins: open.origins,
        templates: resources.templates,
        mode,
        notes: mode === "draft" && notes.checked,
      };
      const result =
        chosen === "performance-report"
          ? await buildPerformanceReport(common)
          : chosen === "assessment-report"
            ? await buildAssessmentReport({
                ...common,
                instruments: resources.instruments,
                actionOrigins: open.origins.actions,
              })
            : await buildDocument({ ...common, kind: chosen, instruments: resources.instruments });
      const shown = result.problems.length
        ? problemList(result.problems, open.cells.sheetNames, host, status)
        : null;
      if (!result.bytes) {
        clear(output, h("h3", { text: "The document was not created" }), shown);
        status.error(
          mode === "final" &&
            !hasErrors(result.problems.filter((p) => !open.cells.sheetNames.includes(p.sheet)))
            ? "A final document needs every gap filled: fix the items listed (click one to go to it), or create a draft."
            : "The document could not be created: see the items listed.",
        );
        return;
      }
      const name = fileName(chosen, mode, open.partnership.details.name);
      const link = offerDownload(name, result.bytes, DOCX_MIME);
      clear(
        output,
        h("p", { class: "done", text: `${KIND_LABEL[chosen]} (${mode}) is ready.` }),
        link,
        shown ? h("h3", { text: "Worth a look" }) : null,
        shown,
      );
      link.click();
      status.success(`${KIND_LABEL[chosen]} created: ${name}.`);
    });
  });
  return section;
}
