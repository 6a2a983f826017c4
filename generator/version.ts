import { readFileSync } from "node:fs";

const PACKAGE_NAME = "partnership-workbench";

/**
 * The version in the project's package.json. Looked for in the folders above
 * this file rather than at a fixed depth, so it is found both from the
 * TypeScript sources and from compiled JavaScript in a build folder.
 */
export function packageVersion(from: string = import.meta.url): string {
  for (let depth = 1; depth <= 4; depth++) {
    const url = new URL(`${"../".repeat(depth)}package.json`, from);
    try {
      const parsed = JSON.parse(readFileSync(url, "utf8")) as { name?: unknown; version?: unknown };
      if (parsed.name === PACKAGE_NAME && typeof parsed.version === "string") return parsed.version;
    } catch {
      // Not here (or not ours): look one folder higher.
    }
  }
  return "unknown";
}
