/** Shared by the end-to-end tests: building with webpack, and launching Debian's Chromium. */
import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { chromium, type Browser } from "playwright-core";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const OUTPUT = fileURLToPath(new URL("../../test-output/", import.meta.url));
export const CHROMIUM = "/usr/bin/chromium";
export const hasChromium = existsSync(CHROMIUM);

if (!hasChromium)
  console.warn(`Skipping end-to-end tests: ${CHROMIUM} is missing (apt-get install chromium).`);

const run = promisify(execFile);

export async function webpack(...args: string[]): Promise<void> {
  await run(process.execPath, ["node_modules/webpack-cli/bin/cli.js", ...args], {
    cwd: ROOT,
    maxBuffer: 32 * 1024 * 1024,
  });
}

export function outputDir(): string {
  mkdirSync(OUTPUT, { recursive: true });
  return OUTPUT;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
