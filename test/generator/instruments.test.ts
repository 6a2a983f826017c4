import { mkdtemp, readFile, rm, writeFile, copyFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  DEFAULT_INSTRUMENTS_DIR,
  loadInstruments,
  selectInstruments,
} from "../../generator/instruments.js";
import { UserError } from "../../generator/command.js";
import { SHIPPED_INSTRUMENT_IDS } from "../support/shipped-instruments.js";

const made: string[] = [];
afterEach(async () => {
  for (const dir of made.splice(0)) await rm(dir, { recursive: true, force: true });
});

/** A temporary copy of the shipped instruments folder. */
async function copyOfTemplates(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "instruments-"));
  made.push(dir);
  for (const name of await readdir(DEFAULT_INSTRUMENTS_DIR)) {
    if (name.endsWith(".yaml"))
      await copyFile(join(DEFAULT_INSTRUMENTS_DIR, name), join(dir, name));
  }
  return dir;
}

async function failure(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe("loadInstruments", () => {
  it("loads every shipped instrument from templates/instruments by default", async () => {
    const instruments = await loadInstruments();
    expect(instruments.map((i) => i.id)).toEqual(SHIPPED_INSTRUMENT_IDS);
  });

  it("lists every located problem in a UserError", async () => {
    const dir = await copyOfTemplates();
    const file = join(dir, "pitfalls.yaml");
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace("type: number", "type: numbr"));
    await writeFile(join(dir, "extra.yaml"), "id: extra\n");
    const error = await failure(loadInstruments(dir));
    expect(error.message).toContain(`The assessment instruments in ${dir} have 6 problems:`);
    expect(error.message).toMatch(
      /\n {2}pitfalls\.yaml \d+:11: Likelihood's type must be one of text, number, date, choice, formula, got "numbr"\. Did you mean "number"\?/,
    );
    expect(error.message).toContain('extra.yaml 1:1: title is missing. Add a line "title: ');
  });

  it("refuses a missing or empty folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), "instruments-"));
    made.push(dir);
    expect((await failure(loadInstruments(dir))).message).toBe(
      `No instrument files (*.yaml) found in ${dir}.`,
    );
    expect((await failure(loadInstruments(join(dir, "nope")))).message).toContain(
      "Cannot read the instruments folder",
    );
  });
});

describe("selectInstruments", () => {
  it("gives all by default or for 'all', and the named ones in the instruments' order", async () => {
    const all = await loadInstruments();
    expect(selectInstruments(all, undefined)).toBe(all);
    expect(selectInstruments(all, " ALL ")).toBe(all);
    expect(selectInstruments(all, "pitfalls, eight_is,,pitfalls").map((i) => i.id)).toEqual([
      "eight_is",
      "pitfalls",
    ]);
  });

  it("names the valid ids when an id is unknown or none is given", async () => {
    const all = await loadInstruments();
    expect(() => selectInstruments(all, "eight_is,nope")).toThrow(UserError);
    expect(() => selectInstruments(all, "eight_is,nope")).toThrow(
      'Unknown instrument "nope". Valid ids: kotter_vision, audit_commission, eight_is, relationship_stages, performance_management, idea, nuffield, benefits, pitfalls, bank_account (or "all").',
    );
    expect(() => selectInstruments(all, " , ")).toThrow(
      "--instruments needs at least one instrument id.",
    );
  });
});
