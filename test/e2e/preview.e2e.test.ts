/**
 * Clicks through the preview in headless Chromium: Set up (example), Assess,
 * Check (and a problem's click landing on its cell), Documents and the .xlsx
 * download, with a screenshot of each section in test-output/, and proves no
 * request went anywhere but the preview's own origin.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { servePreview, type PreviewServer } from "../../addin/preview/serve.js";
import { hasChromium, launchChromium, outputDir, webpack } from "./support.js";

describe.skipIf(!hasChromium)("the preview in a browser", () => {
  let server: PreviewServer;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    await webpack("--mode", "development", "--env", "preview");
    server = await servePreview({ port: 0 });
    browser = await launchChromium();
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1280, height: 900 },
    });
    page = await context.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.goto(server.url);
    await page.getByRole("tab", { name: "Set up" }).waitFor();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function shot(name: string): Promise<void> {
    await page.screenshot({ path: join(outputDir(), `preview-${name}.png`), fullPage: true });
  }

  async function downloadBytes(click: () => Promise<void>): Promise<Buffer> {
    const [download] = await Promise.all([page.waitForEvent("download"), click()]);
    const path = join(outputDir(), download.suggestedFilename());
    await download.saveAs(path);
    return readFileSync(path);
  }

  it("sets up the example partnership and shows what it added", async () => {
    await page.getByLabel("The example partnership (fictional)").check();
    await page.getByRole("button", { name: "Look at this workbook" }).first().click();
    await expect
      .poll(() => page.getByTestId("setup-report").textContent())
      .toContain("will be added");
    await page.getByTestId("setup-add").click();
    await expect
      .poll(() => page.getByTestId("status").textContent(), { timeout: 30_000 })
      .toContain("Added");
    expect(await page.getByTestId("status").textContent()).toContain("Indicators");
    await expect.poll(() => page.locator(".sheet-tab").count()).toBeGreaterThan(8);
    expect(await page.locator(".sheet-tab.active").textContent()).toBe("Partnership");
    expect(await page.getByTestId("setup-add").isDisabled()).toBe(true);
    await shot("1-set-up");

    // A second set up finds everything in place and touches nothing.
    await page.getByRole("button", { name: "Look at this workbook" }).first().click();
    await expect
      .poll(() => page.getByTestId("status").textContent())
      .toContain("Nothing needs adding");
  }, 60_000);

  it("lists the instruments and refreshes a grid keeping its scores", async () => {
    await page.getByRole("tab", { name: "Assess" }).click();
    await page
      .locator("#section-assess")
      .getByRole("button", { name: "Look at this workbook" })
      .click();
    await expect
      .poll(() => page.getByTestId("instrument-list").locator("li").count())
      .toBeGreaterThan(5);
    const refresh = page.locator('[data-testid^="refresh-"]').first();
    await refresh.click();
    await expect
      .poll(() => page.getByTestId("status").textContent(), { timeout: 30_000 })
      .toMatch(/kept all \d+ scores/);
    await shot("2-assess");
  }, 60_000);

  it("checks the workbook, shows the summary and takes the user to a problem's cell", async () => {
    // An officer types "tbc" where a number belongs.
    await page.evaluate(() => {
      const { state } = (
        window as unknown as {
          partnershipPreview: {
            state: import("../../addin/preview/fake-excel/state.js").FakeWorkbookState;
          };
        }
      ).partnershipPreview;
      const table = state.findTable("Indicators");
      if (!table) throw new Error("no Indicators table");
      for (let c = table.rect.left; c <= table.rect.right; c++) {
        if (table.sheet.cells.get(`${table.rect.top}:${c}`)?.value === "Target") {
          table.sheet.cells.set(`${table.rect.top + 1}:${c}`, {
            value: "tbc",
            formula: null,
            numberFormat: null,
          });
        }
      }
    });
    await page.getByRole("tab", { name: "Check" }).click();
    await page.getByTestId("check-run").click();
    await expect
      .poll(() => page.getByTestId("rag-counts").isVisible(), { timeout: 30_000 })
      .toBe(true);
    expect(await page.getByTestId("finance").textContent()).toContain("£");
    const problem = page
      .getByTestId("problems")
      .getByRole("button")
      .filter({ hasText: "tbc" })
      .first();
    await problem.click();
    await expect.poll(() => page.getByTestId("selected-cell").count()).toBeGreaterThan(0);
    expect(await page.locator(".sheet-tab.active").textContent()).toBe("Indicators");
    await shot("3-check");
  }, 60_000);

  it("refuses a final document while the workbook has errors, then creates a draft .docx", async () => {
    await page.getByRole("tab", { name: "Documents" }).click();
    await page.getByLabel("Final: only when nothing is missing").check();
    await page.getByTestId("doc-build").click();
    await expect.poll(() => page.getByTestId("doc-output").textContent()).toContain("not created");
    expect(await page.getByTestId("doc-output").textContent()).toContain("tbc");
    await page.getByLabel("Draft: gaps are marked for you to fill").check();
    const docx = await downloadBytes(() => page.getByTestId("doc-build").click());
    expect(docx.subarray(0, 2).toString()).toBe("PK");
    await expect.poll(() => page.getByTestId("doc-output").textContent()).toContain("is ready");
    await shot("4-documents");
  }, 60_000);

  it("downloads the in-memory workbook as .xlsx", async () => {
    const xlsx = await downloadBytes(() => page.getByTestId("download-xlsx").click());
    expect(xlsx.subarray(0, 2).toString()).toBe("PK");
  }, 60_000);

  it("made no request to any other origin and raised no page errors", () => {
    expect(requests.some((url) => url.includes("appsforoffice"))).toBe(false);
    const origin = new URL(server.url).origin;
    const elsewhere = requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith("blob:") && !url.startsWith("data:"),
    );
    expect(elsewhere).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
