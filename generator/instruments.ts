/**
 * Loads the assessment instruments from `templates/instruments/*.yaml` and
 * picks the ones a command asked for. Parsing and checking live in core; this
 * file only reads the folder and turns problems into a UserError.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { formatInstrumentProblem } from "../core/instruments/format.js";
import { parseInstruments } from "../core/instruments/parse.js";
import type { Instrument } from "../core/instruments/types.js";
import { hasErrors } from "../core/model/problem.js";
import { UserError } from "./command.js";
import { didYouMean } from "./suggest.js";

/** `templates/instruments/` two levels up from this file (generator/instruments.ts → repo root). */
export const DEFAULT_INSTRUMENTS_DIR = fileURLToPath(
  new URL("../templates/instruments/", import.meta.url),
);

export async function loadInstruments(
  dir: string = DEFAULT_INSTRUMENTS_DIR,
): Promise<Instrument[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch {
    throw new UserError(`Cannot read the instruments folder ${dir}.`);
  }
  if (names.length === 0) {
    throw new UserError(`No instrument files (*.yaml) found in ${dir}.`);
  }
  const files = await Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(dir, name), "utf8") })),
  );
  const { instruments, problems } = parseInstruments(files);
  if (hasErrors(problems)) {
    const lines = problems
      .filter((p) => p.severity === "error")
      .map((p) => `  ${formatInstrumentProblem(p)}`);
    throw new UserError(
      `The assessment instruments in ${dir} have ${lines.length} problem${lines.length === 1 ? "" : "s"}:\n${lines.join("\n")}`,
    );
  }
  return instruments;
}

/**
 * The instruments named by `--instruments`: a comma-separated list of ids, or
 * "all" (the default). Keeps the instruments' own order.
 */
export function selectInstruments(all: Instrument[], list: string | undefined): Instrument[] {
  if (list === undefined || list.trim().toLowerCase() === "all") return all;
  const wanted = list
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  const ids = all.map((i) => i.id);
  const valid = `Valid ids: ${ids.join(", ")} (or "all").`;
  if (wanted.length === 0) {
    throw new UserError(`--instruments needs at least one instrument id. ${valid}`, 2);
  }
  const unknown = wanted.filter((id) => !all.some((i) => i.id === id));
  if (unknown.length > 0) {
    const names = unknown.map((id) => `"${id}"`).join(", ");
    const guess = unknown.length === 1 ? didYouMean(unknown[0] ?? "", ids) : "";
    // A mistyped id is a bad argument, like a mistyped option: exit status 2.
    throw new UserError(
      `Unknown instrument${unknown.length === 1 ? "" : "s"} ${names}.${guess} ${valid}`,
      2,
    );
  }
  return all.filter((i) => wanted.includes(i.id));
}
