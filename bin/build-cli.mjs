#!/usr/bin/env node
// `npm run build:cli` (and `prepare`, so `npm ci` runs it): bundles the command
// line and its batch worker into build/ as plain JavaScript, so a command
// starts without compiling TypeScript. One file per entry, dependencies
// included: Node then reads two files instead of several hundred (exceljs
// alone is ~300 modules), which is most of the start-up saved.
// Type checking stays with `npm run typecheck`; esbuild only strips types.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { build } from "esbuild";
import { BUILD_DIR, ROOT } from "./build-info.mjs";

const ENTRIES = {
  cli: "generator/cli.ts",
  worker: "generator/documents/worker.ts",
};

// Sources find templates/, package.json and the worker entry relative to their
// own file (`new URL("../templates/…", import.meta.url)`). Giving each bundled
// module the URL of its source file keeps those paths meaning the same thing
// compiled or not, wherever the bundle sits.
const keepSourceUrls = {
  name: "keep-source-urls",
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
      const source = relative(BUILD_DIR, args.path).split(sep).join("/");
      const contents = readFileSync(args.path, "utf8").replaceAll(
        "import.meta.url",
        `new URL(${JSON.stringify(source)}, import.meta.url).href`,
      );
      return { contents, loader: "ts" };
    });
  },
};

const startedAt = Date.now();
const result = await build({
  absWorkingDir: ROOT,
  entryPoints: Object.entries(ENTRIES).map(([out, entry]) => ({ in: entry, out })),
  outdir: BUILD_DIR,
  outExtension: { ".js": ".mjs" },
  bundle: true,
  // Each command's libraries go in chunks of their own, loaded when that command runs.
  // Chunks sit beside the entries: the source URLs above are relative to build/.
  splitting: true,
  chunkNames: "chunk-[name]-[hash]",
  platform: "node",
  format: "esm",
  target: "node20",
  // Bundled CommonJS dependencies call require() for Node's built-in modules.
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  sourcemap: "linked",
  metafile: true,
  write: false,
  logLevel: "warning",
  plugins: [keepSourceUrls],
});

// Each file appears whole or not at all to a command starting meanwhile, and
// build-info.json goes last: until it is written the build counts as stale.
mkdirSync(BUILD_DIR, { recursive: true });
const writeWhole = (path, contents) => {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
};
for (const file of result.outputFiles) writeWhole(file.path, file.contents);
// Chunks of an earlier build are never loaded again: drop them.
const written = new Set(result.outputFiles.map((file) => file.path));
for (const name of readdirSync(BUILD_DIR).filter((n) => n.startsWith("chunk-"))) {
  const path = join(BUILD_DIR, name);
  if (!written.has(path)) rmSync(path, { force: true });
}
const sources = Object.keys(result.metafile.inputs)
  .filter((input) => !input.split("/").includes("node_modules"))
  .sort();
writeWhole(
  join(BUILD_DIR, "build-info.json"),
  `${JSON.stringify({ startedAt, sources }, null, 2)}\n`,
);
console.log(`Compiled the command line into build/ (${sources.length} source files).`);
