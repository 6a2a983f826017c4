/**
 * The pane outside Excel: the same sections on an in-memory workbook (the
 * strict fake Excel), with the workbook drawn beside it and downloadable as
 * .xlsx. No Office.js and no network: it works offline.
 */
import { bundledResources } from "../taskpane/bundled-resources.js";
import { offerDownload, XLSX_MIME, type PaneHost } from "../taskpane/host.js";
import { startPane } from "../taskpane/pane.js";
import { exportXlsx } from "./fake-excel/export-xlsx.js";
import { createFakeExcel } from "./fake-excel/index.js";
import { WorkbookView } from "./workbook-view.js";

const excel = createFakeExcel();
// For the end-to-end tests and the curious: the in-memory workbook, from the browser console.
(window as unknown as { partnershipPreview: unknown }).partnershipPreview = { state: excel.state };
const paneRoot = document.getElementById("app");
const viewRoot = document.getElementById("workbook");
const downloadButton = document.getElementById("download-xlsx");
const downloadSlot = document.getElementById("download-slot");

if (paneRoot && viewRoot && downloadButton && downloadSlot) {
  const view = new WorkbookView(viewRoot, excel.state);
  const host: PaneHost = {
    kind: "preview",
    run: async (work) => {
      try {
        return await excel.run(work);
      } finally {
        view.render();
      }
    },
    changed: () => view.render(),
  };
  startPane(paneRoot, host, bundledResources());
  view.render();
  downloadButton.addEventListener("click", () => {
    void exportXlsx(excel.state).then((bytes) => {
      const link = offerDownload("partnership-workbook.xlsx", bytes, XLSX_MIME);
      link.setAttribute("data-testid", "xlsx-link");
      downloadSlot.replaceChildren(link);
      link.click();
    });
  });
}
