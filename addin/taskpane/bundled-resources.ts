/**
 * The instruments and document templates, bundled into the pane as raw text
 * (webpack `asset/source`, see webpack.config.js) so nothing is fetched at run
 * time. Every file in the folders is taken, so a new instrument is a new
 * .yaml file and a rebuild, never new code.
 */
import { parseInstruments } from "../../core/instruments/parse.js";
import type { PaneResources } from "./host.js";

interface RawContext {
  keys(): string[];
  (id: string): unknown;
}

declare global {
  interface ImportMeta {
    /** webpack's require.context for ES modules. */
    webpackContext(request: string, options: { recursive?: boolean; regExp?: RegExp }): RawContext;
  }
}

function rawFiles(context: RawContext): { name: string; text: string }[] {
  return context
    .keys()
    .filter((key) => key.startsWith("./"))
    .sort()
    .map((key) => {
      const loaded = context(key);
      const text =
        typeof loaded === "string"
          ? loaded
          : String((loaded as { default?: unknown }).default ?? "");
      return { name: key.slice(2), text };
    });
}

export function bundledResources(): PaneResources {
  const instrumentFiles = rawFiles(
    import.meta.webpackContext("../../templates/instruments", {
      recursive: false,
      regExp: /\.ya?ml$/,
    }),
  );
  const templateFiles = rawFiles(
    import.meta.webpackContext("../../templates/documents", { recursive: false, regExp: /\.hbs$/ }),
  );
  const { instruments, problems } = parseInstruments(instrumentFiles);
  return {
    instruments,
    instrumentProblems: problems.filter((p) => p.severity === "error"),
    templates: Object.fromEntries(templateFiles.map((f) => [f.name, f.text])),
  };
}
