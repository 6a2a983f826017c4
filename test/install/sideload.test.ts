import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

/**
 * `npm start` / `npm stop` sideload manifest.xml with office-addin-debugging,
 * which calls office-addin-dev-settings. That package lists the Microsoft 365
 * Agents Toolkit as a peer, but only runs it (`npx -p … atk install`) for a
 * JSON manifest or an Outlook add-in; an Excel XML manifest is registered in
 * the Windows registry or linked into the Mac "wef" folder. We do not install
 * the toolkit (.npmrc), so these tests pin down that we never need it.
 */

const root = fileURLToPath(new URL("../../", import.meta.url));
const require = createRequire(import.meta.url);
const devSettingsLib = dirname(require.resolve("office-addin-dev-settings"));

interface ManifestReader {
  OfficeAddinManifest: {
    readManifestFile(path: string): Promise<{ manifestType?: string; hosts?: string[] }>;
  };
  ManifestType: Record<string, string>;
  getOfficeAppsForManifestHosts(hosts?: string[]): string[];
  OfficeApp: Record<string, string>;
}

describe("sideloading the XML manifest needs no Microsoft 365 toolkit", () => {
  it("reads manifest.xml as an Excel-only XML manifest, the case dev-settings handles itself", async () => {
    // The very copy of office-addin-manifest that office-addin-dev-settings uses.
    const manifests = createRequire(join(devSettingsLib, "sideload.js"))(
      "office-addin-manifest",
    ) as ManifestReader;
    const manifest = await manifests.OfficeAddinManifest.readManifestFile(
      join(root, "manifest.xml"),
    );
    expect(manifest.manifestType).toBe(manifests.ManifestType.XML);
    expect(manifests.getOfficeAppsForManifestHosts(manifest.hosts)).toEqual([
      manifests.OfficeApp.Excel,
    ]);
  }, 30_000);

  it("reaches the toolkit only through npx for JSON manifests and Outlook, never by require", () => {
    const sources = readdirSync(devSettingsLib).filter((name) => name.endsWith(".js"));
    const requiring = sources.filter((name) =>
      /require\(["']@microsoft\/m365agentstoolkit-cli/.test(
        readFileSync(join(devSettingsLib, name), "utf8"),
      ),
    );
    expect(requiring).toEqual([]);
    // Where it is run: registerWithTeams/uninstallWithTeams, which the Windows and
    // Mac registration call only for ManifestType.JSON or an Outlook host.
    const windows = readFileSync(join(devSettingsLib, "dev-settings-windows.js"), "utf8");
    const guard =
      /manifestType === office_addin_manifest_1\.ManifestType\.JSON \|\|\s*appsInManifest\.indexOf\(office_addin_manifest_1\.OfficeApp\.Outlook\) >= 0/g;
    expect(windows.match(guard)?.length).toBe(2); // register and unregister
    const mac = readFileSync(join(devSettingsLib, "dev-settings-mac.js"), "utf8");
    expect(mac).toMatch(
      /if \(manifestPath\.endsWith\("\.json"\)\) \{\s*if \(!registration\) \{[^}]*registerWithTeams/,
    );
  });

  it("office-addin-debugging starts (its --help) with what npm ci installs", () => {
    const cli = require.resolve("office-addin-debugging/cli.js");
    const help = execFileSync(process.execPath, [cli, "--help"], {
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(help).toMatch(/start \[options\] <manifest-path>/);
    expect(help).toMatch(/stop \[options\] <manifest-path>/);
  }, 60_000);
});
