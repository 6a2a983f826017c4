import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { examplePartnership } from "../../core/example/partnership.js";
import { buildOperations } from "../../core/layout/blueprint.js";
import type { Command, CommandIo } from "../../generator/command.js";
import { runCommand } from "../../generator/cli.js";
import { CHECK_JSON_KEYS } from "../../generator/commands/check-json.js";
import { closest, editDistance } from "../../generator/suggest.js";
import { sanitiseForTerminal } from "../../generator/terminal.js";
import { exampleInstruments } from "../support/example.js";
import { runCli, type CliRun } from "../support/run-cli.js";

/** Issue 7 §8: mistakes get the same exit status and a useful suggestion. */

let dir: string;

function run(...argv: string[]): Promise<CliRun> {
  return runCli(dir, argv);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "pw-args-"));
});

describe("did you mean", () => {
  it("suggests the command or option that was probably meant", async () => {
    const command = await run("genrate", "auto");
    expect(command.code).toBe(2);
    expect(command.stderr).toContain('unknown command "genrate". Did you mean generate?');
    const option = await run("generate", "auto", "--workbook", "x.xlsx", "--froce");
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("unknown option --froce. Did you mean --force?");
    const prefix = await run("check", "x.xlsx", "--js");
    expect(prefix.stderr).toContain("Did you mean --json?");
    const global = await run("--verison");
    expect(global.stderr).toContain("Did you mean --version?");
    const nothing = await run("frobnicate");
    expect(nothing.stderr).not.toContain("Did you mean");
  });

  it("counts a swap of two letters as one slip and suggests nothing far away", () => {
    expect(editDistance("froce", "force")).toBe(1);
    expect(editDistance("genrate", "generate")).toBe(1);
    expect(closest("--outdir", ["--out", "--out-dir", "--force"])).toBe("--out-dir");
    expect(closest("banana", ["generate", "check", "schema"])).toBeNull();
  });
});

describe("exit statuses", () => {
  it("gives every kind of argument mistake exit status 2, with a plain message", async () => {
    const cases: string[][] = [
      ["frobnicate"],
      ["check"],
      ["schema", "--froce"],
      ["demo", "--out-dir"],
      ["workbook", "--out", "p.xlsx", "--partners", "many"],
      ["workbook", "--out", "i.xlsx", "--instruments", "foo"],
      ["workbook", "--out", "i.xlsx", "--instruments", "eight_i"],
      ["workbook", "--out", "--force"],
      ["workbook", "--out", "b.xlsx", "--force=yes"],
      ["generate", "letter", "--workbook", "x.xlsx", "--out", "x.docx"],
      ["generate", "auto", "--workbook", "x.xlsx", "--out", "x.pdf"],
    ];
    for (const argv of cases) {
      const r = await run(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.stderr, argv.join(" ")).toMatch(/^partnership/);
      expect(r.stderr, argv.join(" ")).not.toMatch(/\n\s+at /);
    }
    expect((await run("workbook", "--out", "i.xlsx", "--instruments", "eight_i")).stderr).toContain(
      "Did you mean eight_is?",
    );
    expect(
      (await run("generate", "agreemnt", "--workbook", "x.xlsx", "--out", "x.docx")).stderr,
    ).toContain('(not "agreemnt"). Did you mean agreement?');
  });

  it("prints the package version", async () => {
    const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    const r = await run("--version");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${version}\n`);
  });

  it("keeps the bug path for bugs: exit 70, no stack unless PARTNERSHIP_DEBUG", async () => {
    const buggy: Command = {
      name: "buggy",
      help: "",
      options: {},
      run: () => Promise.reject(new TypeError("cannot read properties of undefined")),
    };
    const capture = (debug: boolean) => {
      const io = { text: "" };
      const commandIo: CommandIo = {
        stdout: (t) => (io.text += t),
        stderr: (t) => (io.text += t),
        isTTY: false,
        cwd: dir,
        debug,
      };
      return { io, commandIo };
    };
    const plain = capture(false);
    expect(await runCommand(buggy, [], plain.commandIo)).toBe(70);
    expect(plain.io.text).toMatch(/This is a bug: please report it.*PARTNERSHIP_DEBUG=1/);
    expect(plain.io.text).not.toMatch(/\n\s+at /);
    const debug = capture(true);
    expect(await runCommand(buggy, [], debug.commandIo)).toBe(70);
    expect(debug.io.text).toMatch(/TypeError: cannot read properties of undefined\n\s+at /);
  });
});

/** Every key path in a JSON value: `a.b`, `a[].c`; arrays of plain values end in `[]`. */
function keyPaths(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) {
    if (value.length === 0 || value.some((v) => typeof v !== "object" || v === null))
      return [`${path}[]`];
    return value.flatMap((v) => keyPaths(v, `${path}[]`));
  }
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value);
    return entries.flatMap(([key, v]) => keyPaths(v, path ? `${path}.${key}` : key));
  }
  return [path];
}

describe("check --help", () => {
  it("lists every JSON key a real check --json prints, and no other", async () => {
    const built = await run("workbook", "--out", "keys.xlsx", "--example");
    expect(built.code).toBe(0);
    const report = JSON.parse((await run("check", "keys.xlsx", "--json")).stdout) as unknown;
    const printed = new Set(keyPaths(report));
    const documented = new Set(CHECK_JSON_KEYS.map((k) => k.key));
    const mandatory = CHECK_JSON_KEYS.filter((k) => !k.optional).map((k) => k.key);
    // Arrays of objects may be empty in this report; their keys come from the list.
    // Gaps are keyed by who scored: one documented key stands for them all.
    const undocumented = [...printed]
      .map((k) => k.replace(/\.gaps\.[^.]+$/, ".gaps.<respondent>"))
      .filter((k) => !documented.has(k) && !k.endsWith("[]"));
    expect(undocumented).toEqual([]);
    const missing = mandatory.filter(
      (k) => !printed.has(k) && !k.startsWith("problems[]") && !k.includes(".weakest."),
    );
    expect(missing).toEqual([]);
    const help = (await run("check", "--help")).stdout;
    for (const key of documented) expect(help).toContain(key);
  }, 120_000);
});

describe("wording", () => {
  it("says 'an ID' in dropdown messages (a or an by the first letter)", async () => {
    const instruments = await exampleInstruments();
    const messages = buildOperations(examplePartnership(instruments), instruments)
      .filter((op) => op.kind === "listValidation")
      .map((op) => ("message" in op ? String(op.message) : ""));
    expect(messages).toContain("Choose an ID from the Objectives table.");
    expect(messages.filter((m) => /\ba [AEIOU]/.test(m))).toEqual([]);
  });

  it("makes controls visible and leaves ordinary text alone", () => {
    expect(sanitiseForTerminal("\u001b[2J0 errors")).toBe("\\u001b[2J0 errors");
    expect(sanitiseForTerminal("line\ttab\nnext £ é ✓")).toBe("line\ttab\nnext £ é ✓");
    expect(sanitiseForTerminal("a\rb\u0007\u009b\u202e")).toBe("a\\u000db\\u0007\\u009b\\u202e");
  });
});
