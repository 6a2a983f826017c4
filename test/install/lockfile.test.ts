import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * `npm ci` on a fresh machine (Node 20 and the package registry, no compilers,
 * no -dev headers, often no way out to other hosts) must install without
 * compiling or downloading anything. These checks read package-lock.json, the
 * exact list `npm ci` installs.
 */

interface LockedPackage {
  version?: string;
  resolved?: string;
  dev?: boolean;
  optional?: boolean;
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
}

const lock = JSON.parse(
  readFileSync(new URL("../../package-lock.json", import.meta.url), "utf8"),
) as {
  packages: Record<string, LockedPackage>;
};

/** "node_modules/a/node_modules/@b/c" → "@b/c"; the root ("") has no name. */
function nameOf(path: string): string {
  return path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
}

const installed = Object.entries(lock.packages).filter(([path]) => path !== "");

/** Packages whose only job is to fetch or compile a native binary at install time. */
const NATIVE_BUILD_TOOLS = [
  "keytar",
  "node-gyp",
  "node-gyp-build",
  "prebuild-install",
  "prebuild",
  "node-pre-gyp",
  "@mapbox/node-pre-gyp",
  "cmake-js",
];

/** Every package allowed an install script, and why it is harmless. */
const ALLOWED_INSTALL_SCRIPTS: Record<string, string> = {
  // Its binary arrives as an ordinary registry package (@esbuild/<platform>, an
  // optional dependency in this lock file); the script only checks that binary
  // and compiles nothing. npm ≥ 11 skips it (package.json allowScripts), and
  // esbuild works without it.
  esbuild: "checks the binary of its registry package @esbuild/<platform>",
};

/**
 * Peers npm will not install (.npmrc sets legacy-peer-deps, so npm installs
 * no peer on its own): each must be unneeded by everything we run.
 */
const UNINSTALLED_PEERS: Record<string, string> = {
  // office-addin-dev-settings runs it through `npx` only to sideload JSON
  // manifests or Outlook add-ins (see sideload.test.ts); it brings keytar.
  "@microsoft/m365agentstoolkit-cli": "only for JSON manifests and Outlook",
};

/**
 * Packages some dependency requires without declaring them. They used to be
 * hoisted from the toolkit's tree; without it, we declare them ourselves.
 */
const PROVIDED_FOR_UNDECLARED: Record<string, string> = {
  // @microsoft/app-manifest (office-addin-debugging → office-addin-manifest)
  // requires it at load: without it `npm start` fails with "Cannot find module".
  "fs-extra": "@microsoft/app-manifest",
};

describe("package-lock.json installs on a machine without compilers", () => {
  it("holds no native build tool (keytar, node-gyp, prebuild-install …)", () => {
    const found = installed
      .map(([path]) => nameOf(path))
      .filter((name) => NATIVE_BUILD_TOOLS.includes(name));
    expect(found).toEqual([]);
  });

  it("runs install scripts only for the packages listed, with a reason, here", () => {
    const scripted = installed
      .filter(([, pkg]) => pkg.hasInstallScript)
      .map(([path]) => nameOf(path))
      .filter((name) => !(name in ALLOWED_INSTALL_SCRIPTS));
    expect(scripted).toEqual([]);
  });

  it("fetches every package from the registry (no git, file or other tarball URLs)", () => {
    // Registry tarballs end in /-/<name>-<version>.tgz; a lock written with
    // omit-lockfile-registry-resolved has no URL at all, which also means the registry.
    const elsewhere = installed
      .filter(
        ([, pkg]) =>
          pkg.resolved !== undefined && !/^https?:\/\/[^/]+\/.+\/-\/[^/]+\.tgz$/.test(pkg.resolved),
      )
      .map(([path, pkg]) => `${nameOf(path)}: ${pkg.resolved}`);
    expect(elsewhere).toEqual([]);
  });

  it("installs every required peer dependency except the ones listed as unneeded", () => {
    const names = new Set(installed.map(([path]) => nameOf(path)));
    const missing = new Set<string>();
    for (const [, pkg] of installed) {
      for (const peer of Object.keys(pkg.peerDependencies ?? {})) {
        if (pkg.peerDependenciesMeta?.[peer]?.optional) continue;
        if (!names.has(peer)) missing.add(peer);
      }
    }
    expect([...missing].sort()).toEqual(Object.keys(UNINSTALLED_PEERS).sort());
  });

  it("provides at the top level what a dependency requires without declaring it", () => {
    const missing = Object.keys(PROVIDED_FOR_UNDECLARED).filter(
      (name) => !(`node_modules/${name}` in lock.packages),
    );
    expect(missing).toEqual([]);
  });

  it("keeps npm from installing peers by itself (.npmrc legacy-peer-deps)", () => {
    const npmrc = readFileSync(new URL("../../.npmrc", import.meta.url), "utf8");
    expect(npmrc).toMatch(/^legacy-peer-deps\s*=\s*true\s*$/m);
  });
});
