// `npm run bench`: prints timings; targets are reported, never asserted in tests.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

interface SizeResult {
  indicators: number;
  periods: number;
  bytes: number;
  buildMs: number;
  readMs: number;
  problems: number;
  peakRssMb: number;
}

const here = fileURLToPath(new URL(".", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));

console.log(
  "Workbook: build + write with exceljs, then read + validate (12 periods, 8 partners, every instrument)",
);
console.log("indicators   build ms   read ms   size KB   peak RSS MB");
const results: SizeResult[] = [];
for (const size of [10, 100, 1000]) {
  const out = execFileSync(tsx, [`${here}workbook-size.ts`, String(size), "12"], {
    encoding: "utf8",
  });
  const r = JSON.parse(out) as SizeResult;
  results.push(r);
  console.log(
    `${String(r.indicators).padStart(10)} ${String(r.buildMs).padStart(10)} ${String(r.readMs).padStart(9)} ${String(Math.round(r.bytes / 1024)).padStart(9)} ${String(r.peakRssMb).padStart(13)}`,
  );
}
const large = results[results.length - 1];
const mid = results[1];
if (large && mid) {
  console.log(
    `Target 1,000 × 12: build < 2000 ms → ${large.buildMs} ms ${large.buildMs < 2000 ? "OK" : "MISSED"}; read < 1000 ms → ${large.readMs} ms ${large.readMs < 1000 ? "OK" : "MISSED"}`,
  );
  const growth = (large.buildMs + large.readMs) / Math.max(mid.buildMs + mid.readMs, 1);
  console.log(
    `Growth from 100 to 1,000 indicators: ×${growth.toFixed(1)} (linear would be ×10 at most)`,
  );
}

for (const extra of [
  "startup.bench.ts",
  "documents.bench.ts",
  "redline.bench.ts",
  "addin.bench.ts",
  "spc.bench.ts",
  "performance-report.bench.ts",
  "assessment-report.bench.ts",
  "read.bench.ts",
  "write.bench.ts",
  "cycle.bench.ts",
]) {
  if (existsSync(`${here}${extra}`)) {
    console.log("");
    execFileSync(tsx, [`${here}${extra}`], { stdio: "inherit" });
  }
}
