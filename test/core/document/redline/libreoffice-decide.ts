import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { findSoffice } from "../../../support/soffice.js";
import { writeMacroProfile } from "../../../support/soffice-batch.js";

/**
 * LibreOffice's own Accept All and Reject All: one start of LibreOffice
 * loads each document, applies its decision through the dispatcher (as the
 * Edit › Track Changes menu does) and saves the text, numbers and fields as
 * LibreOffice lays them out.
 */

export type LibreOfficeDecision = "accept" | "reject" | "none";

export interface DecideJob {
  input: string;
  decision: LibreOfficeDecision;
  output: string;
}

const MACRO = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub Decide(jobs As String)
  Dim n As Integer, report As Integer, line As String, parts, doc, helper, frame
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim store(1) As New com.sun.star.beans.PropertyValue
  Dim none()
  n = FreeFile
  Open jobs For Input As #n
  report = FreeFile
  Open jobs &amp; ".log" For Output As #report
  helper = createUnoService("com.sun.star.frame.DispatchHelper")
  Do While Not EOF(n)
    Line Input #n, line
    If line &lt;&gt; "" Then
      parts = Split(line, Chr(9))
      On Error GoTo Failed
      load(0).Name = "Hidden"
      load(0).Value = True
      doc = StarDesktop.loadComponentFromURL(ConvertToURL(parts(1)), "_blank", 0, load)
      frame = doc.getCurrentController().getFrame()
      If parts(0) = "accept" Then helper.executeDispatch(frame, ".uno:AcceptAllTrackedChanges", "", 0, none())
      If parts(0) = "reject" Then helper.executeDispatch(frame, ".uno:RejectAllTrackedChanges", "", 0, none())
      store(0).Name = "FilterName"
      store(0).Value = "Text (encoded)"
      store(1).Name = "FilterOptions"
      store(1).Value = "UTF8"
      doc.storeToURL(ConvertToURL(parts(2)), store)
      doc.close(True)
      GoTo NextJob
Failed:
      Print #report, parts(1) &amp; ": " &amp; Error$
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

/** Runs the jobs in one start of LibreOffice; returns the log of jobs that failed ("" when none). */
export function decideAll(
  jobs: readonly DecideJob[],
  workDir: string,
  timeoutMs: number,
): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) return Promise.resolve("no soffice");
  const profile = join(workDir, "profile");
  writeMacroProfile(profile, MACRO);
  const list = join(workDir, "jobs.txt");
  writeFileSync(
    list,
    jobs.map((j) => [j.decision, j.input, j.output].join("\t")).join("\n") + "\n",
  );
  return new Promise((resolve) => {
    const child = spawn(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        `macro:///Standard.Module1.Decide("${list}")`,
      ],
      { detached: true, stdio: "ignore" },
    );
    const timer = setTimeout(() => {
      if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("close", () => {
      clearTimeout(timer);
      let log = "";
      try {
        log = readFileSync(`${list}.log`, "utf8");
      } catch {
        log = "LibreOffice wrote no log";
      }
      resolve(log);
    });
  });
}
