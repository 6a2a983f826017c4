// Builds the task pane into dist/ (what Excel loads) and, with `--env preview`,
// the preview page into dist/preview/ (the pane on an in-memory workbook).
// `npm run build` needs no certificates: the https dev server and its
// office-addin-dev-certs are only set up under `webpack serve`.
import CopyWebpackPlugin from "copy-webpack-plugin";
import HtmlWebpackPlugin from "html-webpack-plugin";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const DEV_URL = "https://localhost:3000/";
/** Where the add-in is hosted in production; the manifest's URLs are rewritten to it. */
const PRODUCTION_URL = process.env.ADDIN_PRODUCTION_URL ?? DEV_URL;

function common(dev) {
  return {
    mode: dev ? "development" : "production",
    devtool: dev ? "source-map" : false,
    target: "web",
    resolve: {
      extensions: [".ts", ".js"],
      // Sources import "./x.js" (NodeNext style) for files that are "./x.ts".
      extensionAlias: { ".js": [".ts", ".js"] },
      alias: {
        // Handlebars' main entry requires Node's fs for `require(".hbs")`; the CJS build does not.
        handlebars: "handlebars/dist/cjs/handlebars.js",
      },
    },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Type checking is `tsc --noEmit`'s job; the loader only strips types.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: dev } },
          },
        },
        // Instruments and document templates are bundled as raw text.
        { test: /\.(ya?ml|hbs)$/, type: "asset/source" },
      ],
    },
    performance: { hints: false },
  };
}

function taskpane(dev, serving) {
  return {
    ...common(dev),
    name: "taskpane",
    entry: { taskpane: "./addin/taskpane/taskpane.ts" },
    output: { path: path.join(root, "dist"), filename: "[name].js", clean: { keep: /^preview\// } },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./addin/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "addin/taskpane/commands.html", to: "commands.html" },
          { from: "addin/taskpane/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : content.toString().replaceAll(DEV_URL, PRODUCTION_URL),
          },
        ],
      }),
    ],
    devServer: serving ? devServer() : undefined,
  };
}

function preview(dev) {
  return {
    ...common(dev),
    name: "preview",
    entry: { preview: "./addin/preview/preview.ts" },
    output: { path: path.join(root, "dist", "preview"), filename: "[name].js", clean: true },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "index.html",
        template: "./addin/preview/preview.html",
        chunks: ["preview"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "addin/taskpane/taskpane.css", to: "taskpane.css" },
          { from: "addin/preview/preview.css", to: "preview.css" },
        ],
      }),
    ],
  };
}

async function devServer() {
  // Imported only here so a headless build never needs the certificate tooling.
  const devCerts = await import("office-addin-dev-certs");
  return {
    port: Number(process.env.npm_package_config_dev_server_port ?? 3000),
    headers: { "Access-Control-Allow-Origin": "*" },
    server: { type: "https", options: await devCerts.getHttpsServerOptions() },
    static: { directory: path.join(root, "dist") },
  };
}

export default async (env = {}, argv = {}) => {
  const dev = argv.mode === "development";
  if (env.preview) return preview(dev);
  const config = taskpane(dev, Boolean(env.WEBPACK_SERVE));
  if (config.devServer) config.devServer = await config.devServer;
  return config;
};
