/**
 * Documents: terms of reference or the agreement, draft or final, built from
 * the open workbook by the same core code as `partnership generate`, and
 * handed to the user as a .docx. Nothing is sent anywhere.
 */
import type { DocumentMode } from "../../../core/document/build.js";
import { documentKindFor, type DocumentKind } from "../../../core/document/kinds.js";
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
  // Issue 10: the redline against last year's agreement, picked from this computer.
  const earlierFile = h("input", { type: "file", id: "doc-earlier", "data-testid": "doc-earlier" });
  earlierFile.accept = ".docx";
  const compare = h("button", {
    class: "secondary",
    text: "Compare with last year's…",
    "data-testid": "doc-compare",
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
    h("div", { class: "buttons" }, build, compare),
    h("label", { for: "doc-earlier", text: "Last year's agreement, as this tool made it (.docx)" }),
    earlierFile,
    output,
  );

  type Earlier = { name: string; bytes: Uint8Array };
  const create = (earlier: Earlier | null) => {
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
      const { buildAssessmentReport, buildDocument, buildPerformanceReport, redlineDocument } =
        await import("../document-builders.js");
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
      let bytes = result.bytes;
      let changes: HTMLElement | null = null;
      if (earlier && (chosen === "performance-report" || chosen === "assessment-report"))
        return status.error(
          "Compare with last year's works for the agreement and the terms of reference: choose one of them.",
        );
      if (earlier) {
        const redline = redlineDocument({
          newer: bytes,
          older: earlier.bytes,
          olderName: earlier.name,
          documentDate: open.partnership.details.documentDate,
        });
        if (!redline.bytes) {
          const words = redline.problems.map((p) => `${p.sheet}: ${p.message}. ${p.hint ?? ""}`);
          clear(
            output,
            h("h3", { text: "The comparison was not made" }),
            ...words.map((text) => h("p", { text })),
          );
          return status.error(words.join(" "));
        }
        bytes = redline.bytes;
        // A warning (a blank document date) is said under the list of changes.
        const notes = redline.problems.map((p) => `${p.message}. ${p.hint ?? ""}`.trim());
        changes = h(
          "ul",
          {},
          ...[
            ...(redline.summary.length ? redline.summary : ["No changes to the text."]),
            ...notes,
          ].map((line) => h("li", { text: line })),
        );
      }
      const name = fileName(chosen, mode, open.partnership.details.name).replace(
        /\.docx$/,
        earlier ? "-redline.docx" : ".docx",
      );
      const link = offerDownload(name, bytes, DOCX_MIME);
      const ready = earlier
        ? `${KIND_LABEL[chosen]} (${mode}) is ready, as tracked changes against ${earlier.name}.`
        : `${KIND_LABEL[chosen]} (${mode}) is ready.`;
      clear(
        output,
        h("p", { class: "done", text: ready }),
        link,
        changes ? h("h3", { text: "Changed since last year" }) : null,
        changes,
        shown ? h("h3", { text: "Worth a look" }) : null,
        shown,
      );
      link.click();
      status.success(`${KIND_LABEL[chosen]} created: ${name}.`);
    });
  };
  build.addEventListener("click", () => create(null));
  const compareWithPicked = async () => {
    const file = earlierFile.files?.[0];
    if (!file) return false;
    create({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return true;
  };
  // With no file picked yet, the button opens the picker; picking one starts the comparison.
  compare.addEventListener("click", () => {
    void compareWithPicked().then((started) => (started ? undefined : earlierFile.click()));
  });
  earlierFile.addEventListener("change", () => void compareWithPicked());
  return section;
}
