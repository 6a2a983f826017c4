import { main } from "../../generator/cli.js";

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `partnership …` in-process, as bin/partnership.mjs does, capturing what it prints. */
export async function runCli(cwd: string, argv: readonly string[], isTTY = false): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    isTTY,
    cwd,
  });
  return { code, stdout, stderr };
}
