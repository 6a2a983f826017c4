import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const TEMPLATES = fileURLToPath(new URL("../../../templates/documents/", import.meta.url));

/** The shipped document templates, as the pane bundles them. */
export function documentTemplates(): Record<string, string> {
  return Object.fromEntries(
    readdirSync(TEMPLATES)
      .filter((n) => n.endsWith(".hbs"))
      .map((n) => [n, readFileSync(TEMPLATES + n, "utf8")]),
  );
}

/** Waits (up to `tries` × 5 ms) for the pane's asynchronous work to show, and fails if it never does. */
export async function until(condition: () => boolean, tries = 4000): Promise<void> {
  for (let i = 0; i < tries && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
