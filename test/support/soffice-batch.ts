import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { findSoffice, SOFFICE_MISSING } from "./soffice.js";

/** What LibreOffice makes of one input: a PDF, one CSV per sheet (raw values), or the file saved again as .xlsx. */
export type Conversion = "pdf" | "csv" | "xlsx";

export interface ConversionJob {
  input: string;
  to: Conversion;
  /** Folder for the output, named after the input as `--convert-to` names it. */
  outDir: string;
}

/** CSV filter options: comma, double quote, UTF-8, from line 1, raw values (not as shown), every sheet. */
const CSV_OPTIONS = "44,34,76,1,,0,false,true,false,false,false,-1";

/** The `--convert-to` argument for each conversion, used when the macro cannot run. */
const CONVERT_TO: Record<Conversion, string> = {
  pdf: "pdf",
  csv: `csv:Text - txt - csv (StarCalc):${CSV_OPTIONS}`,
  xlsx: "xlsx:Calc MS Excel 2007 XML",
};

function filterFor(job: ConversionJob): [filter: string, options: string] {
  if (job.to === "csv") return ["Text - txt - csv (StarCalc)", CSV_OPTIONS];
  if (job.to === "xlsx") return ["Calc MS Excel 2007 XML", ""];
  return [job.input.endsWith(".docx") ? "writer_pdf_Export" : "calc_pdf_Export", ""];
}

export function outputOf(job: ConversionJob): string {
  return join(job.outDir, basename(job.input).replace(/\.[^.]+$/, `.${job.to}`));
}

/** True once LibreOffice wrote the job's output (for CSV, the first sheet's file). */
function converted(job: ConversionJob): boolean {
  if (job.to !== "csv") return existsSync(outputOf(job));
  const base = basename(outputOf(job), ".csv");
  return existsSync(job.outDir) && readdirSync(job.outDir).some((f) => f.startsWith(`${base}-`));
}

/**
 * A Basic macro that loads and stores every job in one start of LibreOffice:
 * `--convert-to` takes one output format per start, and starting LibreOffice
 * (about 6 s of CPU) is most of the cost of a conversion.
 */
const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Convert(jobs As String)
  Dim n As Integer, report As Integer, line As String, parts, doc
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim store(1) As New com.sun.star.beans.PropertyValue
  n = FreeFile
  Open jobs For Input As #n
  report = FreeFile
  Open jobs &amp; ".log" For Output As #report
  Do While Not EOF(n)
    Line Input #n, line
    If line &lt;&gt; "" Then
      parts = Split(line, Chr(9))
      On Error GoTo Failed
      load(0).Name = "Hidden"
      load(0).Value = True
      doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(2)), "_blank", 0, load)
      store(0).Name = "FilterName"
      store(0).Value = parts(0)
      store(1).Name = "FilterOptions"
      store(1).Value = parts(1)
      doc.storeToURL(ConvertToURL(parts(3)), store)
      doc.close(True)
      GoTo NextJob
Failed:
      Print #report, parts(2) &amp; ": " &amp; Error$
      Resume NextJob
NextJob:
    End If
  Loop
  Close #n
  Close #report
  StarDesktop.terminate()
End Sub
</script:module>
`;

const LIBRARIES = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
`;

const LIBRARY = (module: string) => `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">${module}</library:library>
`;

/**
 * A fresh profile holding a Basic macro (Module1 of the Standard library).
 * Marking the installation complete stops LibreOffice's first start from
 * copying its presets over the macro.
 */
export function writeMacroProfile(profile: string, macro: string = MACRO): void {
  const basic = join(profile, "user", "basic");
  mkdirSync(join(basic, "Standard"), { recursive: true });
  writeFileSync(
    join(profile, "user", "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
`,
  );
  writeFileSync(join(basic, "script.xlc"), LIBRARIES);
  writeFileSync(join(basic, "dialog.xlc"), LIBRARIES);
  writeFileSync(
    join(basic, "Standard", "script.xlb"),
    LIBRARY('<library:element library:name="Module1"/>'),
  );
  writeFileSync(join(basic, "Standard", "dialog.xlb"), LIBRARY(""));
  writeFileSync(join(basic, "Standard", "Module1.xba"), macro);
}

/** Runs soffice in its own process group, so a timeout or teardown can stop soffice.bin too. */
function run(
  soffice: string,
  args: string[],
  signal: AbortSignal,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve) => {
    // An abort listener added after the abort never fires: do not start at all.
    if (signal.aborted) return resolve("stopped before LibreOffice started");
    const child = spawn(soffice, args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const stop = () => {
      if (child.pid !== undefined && child.exitCode === null) {
        try {
          process.kill(-child.pid, "SIGKILL");
        } catch {
          // Already gone.
        }
      }
    };
    const timer = setTimeout(() => {
      output += `\nstopped after ${timeoutMs / 1000} s`;
      stop();
    }, timeoutMs);
    signal.addEventListener("abort", stop, { once: true });
    child.on("error", (error) => {
      clearTimeout(timer);
      resolve(`${output}\n${error.message}`);
    });
    child.on("close", () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", stop);
      resolve(output);
    });
  });
}

/**
 * Converts every job with one start of LibreOffice and returns a message for
 * each job that gave no output (none when all worked) and how many times
 * LibreOffice started. Jobs the macro missed
 * are retried with `--convert-to`, one start per format.
 */
export async function convertAll(
  jobs: readonly ConversionJob[],
  workDir: string,
  signal: AbortSignal,
  timeoutMs = 300_000,
): Promise<{ problems: string[]; starts: number }> {
  const soffice = findSoffice();
  if (!soffice) return { problems: [SOFFICE_MISSING], starts: 0 };
  let starts = 1;
  const profile = join(workDir, "profile");
  writeMacroProfile(profile);
  for (const job of jobs) mkdirSync(job.outDir, { recursive: true });
  const list = join(workDir, "jobs.txt");
  writeFileSync(
    list,
    jobs.map((job) => [...filterFor(job), job.input, outputOf(job)].join("\t")).join("\n") + "\n",
  );
  const env = `-env:UserInstallation=file://${profile}`;
  const macroOutput = await run(
    soffice,
    [env, "--headless", "--norestore", `macro:///Standard.Module1.Convert("${list}")`],
    signal,
    timeoutMs,
  );
  const problems: string[] = [];
  for (const to of Object.keys(CONVERT_TO) as Conversion[]) {
    const missed = jobs.filter((job) => job.to === to && !converted(job));
    for (const outDir of new Set(missed.map((job) => job.outDir))) {
      if (signal.aborted) break;
      starts++;
      const inputs = missed.filter((job) => job.outDir === outDir).map((job) => job.input);
      const output = await run(
        soffice,
        [
          env,
          "--headless",
          "--norestore",
          "--convert-to",
          CONVERT_TO[to],
          "--outdir",
          outDir,
          ...inputs,
        ],
        signal,
        timeoutMs,
      );
      for (const job of missed.filter((j) => j.outDir === outDir && !converted(j))) {
        const log = existsSync(`${list}.log`) ? readFileSync(`${list}.log`, "utf8") : "";
        problems.push(
          `LibreOffice gave no ${to} for ${job.input}.\n${log}\n${macroOutput}\n${output}`.trim(),
        );
      }
    }
  }
  return { problems, starts };
}
