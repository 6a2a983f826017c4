import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatInstrumentProblem } from "../../../core/instruments/format.js";
import { parseInstrument, parseInstruments } from "../../../core/instruments/parse.js";
import type { GridInstrument, RegisterInstrument } from "../../../core/instruments/types.js";
import { SHIPPED_INSTRUMENT_IDS } from "../../support/shipped-instruments.js";

const dir = fileURLToPath(new URL("../../../templates/instruments/", import.meta.url));
const shipped = readdirSync(dir)
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => ({ name, text: readFileSync(dir + name, "utf8") }));
const text = (name: string): string => shipped.find((f) => f.name === name)?.text ?? "";

let edited = "";

/** The formatted problems of one file after `edit`; the edited text is kept for `at`. */
function problemsAfter(name: string, edit: (t: string) => string): string[] {
  edited = edit(text(name));
  expect(edited).not.toBe(text(name)); // the edit must have found its target
  return parseInstrument(name, edited).problems.map(formatInstrumentProblem);
}

/** "line:column" of a character offset in `source`. */
function position(source: string, offset: number, shift = 0): string {
  expect(offset).toBeGreaterThanOrEqual(0);
  const before = source.slice(0, offset).split("\n");
  return `${before.length}:${(before.at(-1)?.length ?? 0) + 1 + shift}`;
}

/**
 * Where `needle` first starts in the last edited text (plus `shift` columns),
 * so the expected locations follow the files when their comments change.
 */
function at(needle: string, shift = 0, source = edited): string {
  return position(source, source.indexOf(needle), shift);
}

/** Like `at`, for the last place `needle` occurs. */
function atLast(needle: string): string {
  return position(edited, edited.lastIndexOf(needle));
}

describe("shipped instruments", () => {
  it("every file parses with no problems", () => {
    expect(shipped.length).toBe(10);
    for (const file of shipped) {
      const { instrument, problems } = parseInstrument(file.name, file.text);
      expect(problems.map(formatInstrumentProblem), file.name).toEqual([]);
      expect(instrument?.id + ".yaml").toBe(file.name);
    }
  });

  it("come in the order their files give, grids before registers", () => {
    const { instruments, problems } = parseInstruments(shipped);
    expect(problems).toEqual([]);
    expect(instruments.map((i) => i.id)).toEqual(SHIPPED_INSTRUMENT_IDS);
  });

  it("use the seed's own texts", () => {
    const { instruments } = parseInstruments(shipped);
    const byId = new Map(instruments.map((i) => [i.id, i]));
    const audit = byId.get("audit_commission") as GridInstrument;
    expect(audit.sections[0]?.statements.map((s) => s.text)).toContain("Trust between partners");
    const eight = byId.get("eight_is") as GridInstrument;
    expect(eight.sections.map((s) => s.name)).toHaveLength(8);
    expect(eight.sections[6]?.statements[0]?.text).toBe(
      "The relationship is given a formal status with clear responsibilities and decision-making processes.",
    );
    const kotter = byId.get("kotter_vision") as GridInstrument;
    expect(kotter.scale).toEqual({ min: 0, max: 2, labels: { 0: "No", 1: "Partly", 2: "Yes" } });
    const pm = byId.get("performance_management") as GridInstrument;
    expect(pm.sections[0]?.statements).toHaveLength(9);
    expect(pm.scale.labels).toEqual({ 0: "Not in place", 1: "Partly", 2: "In place" });
    const idea = byId.get("idea") as GridInstrument;
    expect(idea.sections.map((s) => s.name)).toEqual([
      "Action focus",
      "Efficiency",
      "Inclusiveness",
      "Learning and development",
      "Performance management",
    ]);
  });

  it("mark the product's own wording for Nuffield principles 3 to 6 only", () => {
    const nuffield = parseInstruments(shipped).instruments.find(
      (i) => i.id === "nuffield",
    ) as GridInstrument;
    expect(nuffield.sections).toHaveLength(6);
    nuffield.sections.forEach((section, i) => {
      for (const statement of section.statements) expect(statement.ownWording).toBe(i >= 2);
    });
  });

  it("sort bands highest first", () => {
    const stages = parseInstruments(shipped).instruments.find(
      (i) => i.id === "relationship_stages",
    ) as GridInstrument;
    expect(stages.bands.map((b) => b.min)).toEqual([4.5, 3.5, 2.5, 1.5, 1]);
    expect(stages.bands[4]?.verdict).toBe("Stage 1: Early days");
  });

  it("read registers with their columns and pre-filled rows", () => {
    const { instruments } = parseInstruments(shipped);
    const pitfalls = instruments.find((i) => i.id === "pitfalls") as RegisterInstrument;
    expect(pitfalls.columns.map((c) => c.header)).toEqual([
      "Risk",
      "Likelihood",
      "Impact",
      "Risk score",
      "Mitigation",
      "Owner",
    ]);
    expect(pitfalls.columns[3]).toEqual({
      header: "Risk score",
      type: "formula",
      options: [],
      formula: "[@Likelihood]*[@Impact]",
      width: 11,
      range: null,
    });
    expect(pitfalls.columns[1]?.range).toEqual({ min: 1, max: 5 });
    expect(pitfalls.rows).toHaveLength(7);
    expect(pitfalls.rows[2]).toEqual({
      Risk: "A reluctance to share information",
      Likelihood: null,
      Impact: null,
      Mitigation: "Identify and share problems openly and honestly.",
      Owner: null,
    });
    const benefits = instruments.find((i) => i.id === "benefits") as RegisterInstrument;
    expect(benefits.rows).toHaveLength(10);
    expect(benefits.columns.find((c) => c.header === "Priority")?.options).toEqual([
      "High",
      "Medium",
      "Low",
    ]);
    const bank = instruments.find((i) => i.id === "bank_account") as RegisterInstrument;
    expect(bank.rows).toEqual([]);
    expect(bank.columns.find((c) => c.type === "formula")?.formula).toBe(
      'IF([@[Credit or debit]]="Debit",-[@Weight],[@Weight])',
    );
  });
});

describe("bad instrument files give located messages", () => {
  it("a misspelt column type", () => {
    const problems = problemsAfter("pitfalls.yaml", (t) =>
      t.replace("header: Likelihood\n    type: number", "header: Likelihood\n    type: numbr"),
    );
    expect(problems).toEqual([
      `pitfalls.yaml ${at("numbr")}: Likelihood's type must be one of text, number, date, choice, formula, got "numbr". Did you mean "number"?`,
    ]);
  });

  it("a formula naming a column that does not exist", () => {
    const problems = problemsAfter("pitfalls.yaml", (t) =>
      t.replace("[@Likelihood]*", "[@Likelihod]*"),
    );
    expect(problems).toEqual([
      `pitfalls.yaml ${at('formula: "', 9)}: Risk score's formula refers to a column "Likelihod" that this register does not have. Did you mean [@Likelihood]?`,
    ]);
  });

  it("a formula using a function older Excel cannot compute", () => {
    const problems = problemsAfter("pitfalls.yaml", (t) =>
      t.replace('"[@Likelihood]*[@Impact]"', '"LET(x,[@Likelihood],x*[@Impact])"'),
    );
    expect(problems).toEqual([
      `pitfalls.yaml ${at('formula: "', 9)}: Risk score's formula uses LET, which Excel 2016 and LibreOffice 7 cannot compute.`,
    ]);
  });

  it("a formula referring to its own column or outside its row", () => {
    expect(
      problemsAfter("pitfalls.yaml", (t) => t.replace("*[@Impact]", "*[@[Risk score]]")),
    ).toEqual([
      `pitfalls.yaml ${at('formula: "', 9)}: Risk score's formula refers to its own column.`,
    ]);
    expect(
      problemsAfter("pitfalls.yaml", (t) => t.replace("*[@Impact]", "*SUM([Impact])")),
    ).toEqual([
      `pitfalls.yaml ${at('formula: "', 9)}: Risk score's formula may only refer to other columns of the same row, written [@Column] or [@[Column name]].`,
    ]);
  });

  it("a sheet name too long or with characters Excel refuses", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("sheet: Key ingredients", "sheet: Key ingredients for a successful partnership"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("sheet: Key", 7)}: sheet must be 31 characters at most (Excel's limit), got 44: "Key ingredients for a successful partnership".`,
    ]);
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("sheet: Key ingredients", "sheet: Key ingredients?"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("sheet: Key", 7)}: sheet must not contain any of [ ] : * ? / \\, got "Key ingredients?".`,
    ]);
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("sheet: Key ingredients", "sheet: summary"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("sheet: summary", 7)}: sheet "summary" is one of the workbook's own sheets (Partnership, Partners, Values, Objectives, Indicators, Finance, Summary); choose another name.`,
    ]);
  });

  it("an id with characters other than letters, digits and underscores", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("id: audit_commission", "id: audit-commission"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("id: audit-commission", 4)}: id must use only letters, digits and underscores (at most 50), got "audit-commission". For example "eight_is".`,
    ]);
  });

  it("a scale whose min is not below its max, or is not a whole number", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("min: 1\n  max: 4", "min: 4\n  max: 1"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("max: 1", 5)}: scale's max must be more than its min, got min 4 and max 1.`,
    ]);
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("min: 1\n  max: 4", "min: 1.5\n  max: 4"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("min: 1.5", 5)}: scale's min must be a whole number, got 1.5.`,
    ]);
  });

  it("a band outside the scale, and bands leaving low means without a verdict", () => {
    expect(problemsAfter("audit_commission.yaml", (t) => t.replace("min: 3.5", "min: 5"))).toEqual([
      `audit_commission.yaml ${at("min: 5", 5)}: band 1's min must be within the scale, 1 to 4, got 5.`,
    ]);
    expect(
      problemsAfter("audit_commission.yaml", (t) => t.replace("  - min: 1\n", "  - min: 2\n")),
    ).toEqual([
      `audit_commission.yaml ${at("- min: 3.5")}: no band covers mean scores below 2. Add a band with "min: 1" (the scale's lowest score) so every statement gets a verdict.`,
    ]);
  });

  it("a disagreement spread wider than the scale", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("disagreement_spread: 2", "disagreement_spread: 4"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("disagreement_spread: 4", 21)}: disagreement_spread must be more than 0 and at most 3 (the scale's max minus min), got 4.`,
    ]);
  });

  it("a duplicate statement", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("- Trust between partners", "- Clear shared objectives"),
      ),
    ).toEqual([
      `audit_commission.yaml ${atLast("Clear shared objectives")}: statement "Clear shared objectives" appears twice (first at ${at("Clear shared objectives")}).`,
    ]);
  });

  it("a statement with an unquoted colon", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) =>
        t.replace("- Trust between partners", "- Trust: between partners"),
      ),
    ).toEqual([
      `audit_commission.yaml ${at("Trust: between")}: a statement in "Key ingredients" reads as "name: value". Put a statement that contains ": " in "double quotes", or write it as "text: …".`,
    ]);
  });

  it("a misspelt field name, and the field it should have been", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) => t.replace("sections:", "sectons:")),
    ).toEqual([
      `audit_commission.yaml ${at("sectons:")}: "sectons" is not a field this file understands. Did you mean "sections"?`,
      `audit_commission.yaml ${at("order:")}: sections is missing. Add "sections:", followed by a list of sections.`,
    ]);
  });

  it("a field that belongs to the other kind of instrument", () => {
    expect(
      problemsAfter("pitfalls.yaml", (t) =>
        t.replace("kind: register", "kind: register\nbands: []"),
      ),
    ).toEqual([
      `pitfalls.yaml ${at("bands: []")}: "bands" is not a field this file understands. The fields allowed here are: order, id, title, sheet, source, instructions, kind, columns, rows.`,
    ]);
  });

  it("broken indentation", () => {
    const problems = problemsAfter("audit_commission.yaml", (t) =>
      t.replace("      - Trust between partners", "     - Trust between partners"),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^audit_commission\.yaml 49:1: this is not valid YAML: /);
    expect(problems[0]).toContain("Check the indentation");
  });

  it("an empty file and a file that is not a set of fields", () => {
    expect(parseInstrument("new.yaml", "").problems.map(formatInstrumentProblem)).toEqual([
      "new.yaml 1:1: the file is empty. Copy an existing instrument file and change it.",
    ]);
    expect(parseInstrument("new.yaml", "just text").problems.map(formatInstrumentProblem)).toEqual([
      'new.yaml 1:1: The file must be a group of fields (lines of "name: value"), got "just text".',
    ]);
  });

  it("an unknown kind", () => {
    expect(
      problemsAfter("audit_commission.yaml", (t) => t.replace("kind: grid", "kind: table")),
    ).toEqual([
      `audit_commission.yaml ${at("kind: table", 6)}: kind must be one of grid, register, got "table". Use "grid" when partners score statements and "register" for a list of rows.`,
    ]);
  });

  it("register rows with wrong values", () => {
    expect(
      problemsAfter("pitfalls.yaml", (t) =>
        t.replace("Mitigation: Identify", "Likelihood: high\n    Mitigation: Identify"),
      ),
    ).toEqual([
      `pitfalls.yaml ${at("Likelihood: high", 12)}: row 3's Likelihood must be a number, got "high".`,
    ]);
    expect(
      problemsAfter("pitfalls.yaml", (t) =>
        t.replace("Mitigation: Identify", "Risk score: 4\n    Mitigation: Identify"),
      ),
    ).toEqual([
      `pitfalls.yaml ${at("Risk score: 4")}: row 3 gives a value for "Risk score", which its formula works out. Leave formula columns out of rows.`,
    ]);
    expect(
      problemsAfter("benefits.yaml", (t) =>
        t.replace(
          "- Benefit: Better information sharing",
          "- Benefit: Better information sharing\n    Priority: Urgent\n    Statuss: On track",
        ),
      ),
    ).toEqual([
      `benefits.yaml ${at("Priority: Urgent", 10)}: row 2's Priority must be one of High, Medium, Low, got "Urgent".`,
      `benefits.yaml ${at("Statuss")}: row 2 has a value for "Statuss", which is not one of the columns. Did you mean "Status"?`,
    ]);
  });

  it("a date typed other than year-month-day", () => {
    const ledger = text("bank_account.yaml").replace(
      "rows: []",
      "rows:\n  - Date: 31/03/2025\n    Entry: Shared data openly",
    );
    expect(
      parseInstrument("bank_account.yaml", ledger).problems.map(formatInstrumentProblem),
    ).toEqual([
      `bank_account.yaml ${at("31/03/2025", 0, ledger)}: row 1's Date must be a date written year-month-day, such as 2025-03-31, got "31/03/2025".`,
    ]);
    const good = ledger.replace("31/03/2025", "2025-03-31");
    const parsed = parseInstrument("bank_account.yaml", good).instrument as RegisterInstrument;
    expect(parsed.rows[0]?.Date).toBe("2025-03-31");
  });

  it("choice columns without options, and options on other columns", () => {
    expect(
      problemsAfter("benefits.yaml", (t) => t.replace("    options: [High, Medium, Low]\n", "")),
    ).toEqual([
      `benefits.yaml ${at("- header: Priority", 2)}: Priority's options is missing. Add a line "options: [High, Medium, Low]" under Priority.`,
    ]);
    expect(
      problemsAfter("benefits.yaml", (t) =>
        t.replace(
          "header: Target\n    type: text",
          "header: Target\n    type: text\n    options: [a]",
        ),
      ),
    ).toEqual([
      `benefits.yaml ${at("options: [a]", 9)}: Target's options apply only to choice columns.`,
    ]);
  });
});

describe("parseInstruments", () => {
  it("rejects a second file with an id or sheet already in use, whatever its case", () => {
    const copy = text("eight_is.yaml")
      .replace("id: eight_is", "id: Eight_Is")
      .replace("sheet: Eight Is", "sheet: KEY INGREDIENTS");
    const { instruments, problems } = parseInstruments([
      ...shipped,
      { name: "zz_copy.yaml", text: copy },
    ]);
    expect(problems.map(formatInstrumentProblem)).toEqual([
      `zz_copy.yaml ${at("id: Eight_Is", 4, copy)}: id "Eight_Is" is already used by eight_is.yaml. Each instrument needs its own id.`,
      `zz_copy.yaml ${at("sheet: KEY", 7, copy)}: sheet "KEY INGREDIENTS" is already used by audit_commission.yaml. Each instrument needs its own worksheet name.`,
    ]);
    expect(instruments).toHaveLength(10);
  });

  it("is stable whatever order the files arrive in, and puts files without an order last", () => {
    const extra = text("eight_is.yaml")
      .replace("order: 30\n", "")
      .replace("id: eight_is", "id: a_extra")
      .replace("sheet: Eight Is", "sheet: Extra");
    const files = [...shipped, { name: "a_extra.yaml", text: extra }];
    const forward = parseInstruments(files).instruments.map((i) => i.id);
    const backward = parseInstruments([...files].reverse()).instruments.map((i) => i.id);
    expect(backward).toEqual(forward);
    expect(forward.at(-1)).toBe("a_extra");
  });

  it("leaves out invalid files and reports them", () => {
    const { instruments, problems } = parseInstruments([
      { name: "broken.yaml", text: "id: broken\n" },
      ...shipped.slice(0, 1),
    ]);
    expect(instruments).toHaveLength(1);
    expect(problems.every((p) => p.sheet === "broken.yaml")).toBe(true);
    expect(problems.map((p) => p.message)).toContain("title is missing");
  });
});
