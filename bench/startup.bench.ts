// Start-up cost of a command (`tsx bench/startup.bench.ts`, part of `npm run
// bench`): CPU time (user + sys, every thread) of `partnership --version`
// compiled (build/) and run from the TypeScript sources through tsx, beside
// Node's own bare start-up. Prints, never asserts.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../", import.meta.url));
const bin = join(root, "bin", "partnership.mjs");
const TARGET_MS = 300;
const RUNS = 7;

// Each child reports its own CPU time as it exits (process.cpuUsage covers
// the whole process, start-up included) into a file, so its output is untouched.
const report = join(mkdtempSync(join(tmpdir(), "pw-startup-")), "cpu");
const atExit = `data:text/javascript,import { writeFileSync } from "node:fs";
process.on("exit", () => { const u = process.cpuUsage(); writeFileSync(process.env.PW_CPU_REPORT, String(u.user + u.system)); });`;

interface Case {
  label: string;
  args: string[];
}

const fromSources = `const { main, processIo } = await import(${JSON.stringify(
  join(root, "generator", "cli.ts"),
)}); process.exitCode = await main(["--version"], processIo());`;

const cases: Case[] = [
  { label: "node -e 0 (bare Node)", args: ["-e", "0"] },
  { label: "partnership --version, compiled (build/)", args: [bin, "--version"] },
  {
    label: "partnership --version, sources through tsx",
    args: ["--import", "tsx", "--input-type=module", "-e", fromSources],
  },
];

// Measure what `npm ci` leaves: a build of the current sources.
const buildCli = () =>
  execFileSync(process.execPath, [join(root, "bin", "build-cli.mjs")], { stdio: "ignore" });

function cpuMs(args: string[], rebuilds = 1): number {
  const r = spawnSync(process.execPath, ["--import", atExit, ...args], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, PW_CPU_REPORT: report },
  });
  if (r.status !== 0) throw new Error(`node ${args.join(" ")} failed: ${r.stderr}`);
  // A source saved since the build: the run fell back to tsx, so it does not count.
  if (/build:cli/.test(r.stderr)) {
    if (rebuilds === 0) throw new Error(`build/ is not current: ${r.stderr}`);
    buildCli();
    return cpuMs(args, rebuilds - 1);
  }
  return Number(readFileSync(report, "utf8")) / 1000;
}

buildCli();

const samples = cases.map(() => [] as number[]);
for (let run = 0; run < RUNS; run++) {
  // Interleaved, so a busy moment on the machine hits every case alike.
  cases.forEach((c, i) => samples[i]?.push(cpuMs(c.args)));
}
rmSync(report, { force: true });
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;
const medians = samples.map(median);
const bare = medians[0] ?? 1;

console.log(`Start-up: CPU time (user + sys), median of ${RUNS} interleaved runs`);
cases.forEach((c, i) => {
  const ms = medians[i] ?? 0;
  const ratio = i === 0 ? "" : `   ×${(ms / bare).toFixed(1)} bare Node`;
  console.log(`  ${c.label.padEnd(44)} ${String(Math.round(ms)).padStart(6)} ms${ratio}`);
});
const compiled = medians[1] ?? 0;
console.log(
  `Target: a command starts in < ${TARGET_MS} ms of CPU → ${Math.round(compiled)} ms ${compiled < TARGET_MS ? "OK" : "MISSED"}`,
);
