import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { build, type Plugin } from "esbuild";

/**
 * A test's child script compiled as the command line is (bin/build-cli.mjs):
 * one bundle of plain JavaScript, so what the child measures is the shipped
 * code's behaviour, not tsx's (whose own heap hides what a batch's does).
 * Each source keeps its own URL, so it finds templates/ as it does uncompiled.
 */
export async function compileChild(entry: string, outDir: string): Promise<string> {
  const outfile = join(outDir, "child.mjs");
  const keepSourceUrls: Plugin = {
    name: "keep-source-urls",
    setup(builder) {
      builder.onLoad({ filter: /\.ts$/ }, (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = relative(outDir, args.path).split(sep).join("/");
        const contents = readFileSync(args.path, "utf8").replaceAll(
          "import.meta.url",
          `new URL(${JSON.stringify(source)}, import.meta.url).href`,
        );
        return { contents, loader: "ts" };
      });
    },
  };
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    banner: {
      js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
    },
    logLevel: "warning",
    plugins: [keepSourceUrls],
  });
  return outfile;
}
