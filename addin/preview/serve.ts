/**
 * Serves the built preview (dist/preview) over plain http on this machine
 * only, and prints its address when ready. Run by `npm run preview` after the
 * build; the end-to-end tests start it on a random port.
 *
 *   tsx addin/preview/serve.ts [--port N]   (default 3001; 0 picks a free port)
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PREVIEW_DIR = fileURLToPath(new URL("../../dist/preview/", import.meta.url));

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".map": "application/json",
  ".png": "image/png",
};

export interface PreviewServer {
  url: string;
  close(): Promise<void>;
}

export function servePreview(
  options: { port?: number; dir?: string } = {},
): Promise<PreviewServer> {
  const dir = options.dir ?? PREVIEW_DIR;
  if (!existsSync(path.join(dir, "index.html"))) {
    return Promise.reject(
      new Error(
        `No preview build in ${dir}: run "npm run preview" (or webpack --env preview) first.`,
      ),
    );
  }
  const server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    const file = path.join(dir, pathname === "/" ? "index.html" : pathname);
    // Never serve anything outside the preview folder.
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404, { "content-type": "text/plain" }).end("Not found");
      return;
    }
    response.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 3001, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const flag = process.argv.indexOf("--port");
  const port = flag > 0 ? Number(process.argv[flag + 1]) : Number(process.env.PREVIEW_PORT ?? 3001);
  servePreview({ port })
    .then(({ url }) => {
      console.log(
        `Preview ready at ${url} (the task pane on an in-memory workbook; Ctrl+C to stop)`,
      );
    })
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(
        message.includes("EADDRINUSE")
          ? `Port ${port} is in use: try --port 0 for any free port.`
          : message,
      );
      process.exit(1);
    });
}
