/** The task pane inside Excel: Office.js comes from the Office CDN script tag in taskpane.html. */
import { bundledResources } from "./bundled-resources.js";
import { officeHost } from "./host.js";
import { startPane } from "./pane.js";

void Office.onReady((info) => {
  const root = document.getElementById("app");
  if (!root) return;
  if (info.host !== Office.HostType.Excel) {
    root.textContent = "Partnership Workbench works in Excel. Open it from Excel's Home tab.";
    return;
  }
  startPane(root, officeHost(), bundledResources());
});
