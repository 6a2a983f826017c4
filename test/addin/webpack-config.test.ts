import { pathToFileURL } from "node:url";
import { fileURLToPath } from "node:url";
import { describe, expect, it, vi } from "vitest";

vi.mock("office-addin-dev-certs", () => ({
  getHttpsServerOptions: async () => ({ key: "test key", cert: "test cert", ca: "test ca" }),
}));

const CONFIG = pathToFileURL(
  fileURLToPath(new URL("../../webpack.config.js", import.meta.url)),
).href;

interface Config {
  name: string;
  mode: string;
  resolve: { extensionAlias: Record<string, string[]> };
  output: { path: string };
  devServer?: { port: number; server: { type: string; options: Record<string, string> } };
  plugins: { patterns?: { from: string; transform?: (content: Buffer) => string }[] }[];
}

async function configFor(env: Record<string, unknown>, mode: string): Promise<Config> {
  const module = (await import(CONFIG)) as {
    default: (env: object, argv: object) => Promise<Config>;
  };
  return module.default(env, { mode });
}

describe("webpack.config.js", () => {
  it("builds without a dev server or certificates unless served", async () => {
    const config = await configFor({}, "production");
    expect(config.name).toBe("taskpane");
    expect(config.devServer).toBeUndefined();
    expect(config.resolve.extensionAlias[".js"]).toEqual([".ts", ".js"]);
    expect(config.output.path).toMatch(/dist$/);
  });

  it("serves over https on port 3000 with the Office dev certificates under webpack serve", async () => {
    const config = await configFor({ WEBPACK_SERVE: true }, "development");
    expect(config.devServer?.port).toBe(3000);
    expect(config.devServer?.server.type).toBe("https");
    expect(config.devServer?.server.options.cert).toBe("test cert");
  });

  it("builds the preview into dist/preview", async () => {
    const config = await configFor({ preview: true }, "development");
    expect(config.name).toBe("preview");
    expect(config.output.path).toMatch(/dist[\\/]preview$/);
  });
});
