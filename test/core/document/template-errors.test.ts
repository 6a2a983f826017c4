import { describe, expect, it } from "vitest";
import { buildDocument } from "../../../core/document/index.js";
import { formatProblem } from "../../../core/model/problem.js";
import { example, templates } from "./fixtures.js";

/** Builds the terms of reference with some template files replaced. */
async function problemsWith(changes: Record<string, string>) {
  const result = await buildDocument({
    kind: "terms-of-reference",
    partnership: await example(),
    workbookProblems: [],
    templates: { ...templates, ...changes },
    mode: "draft",
    notes: true,
  });
  expect(result.bytes).toBeNull();
  return result.problems.filter((p) => p.severity === "error").map(formatProblem);
}

const MAIN = "terms-of-reference.md.hbs";

describe("template errors name the file, line and column", () => {
  it("reports a syntax error", async () => {
    expect(
      await problemsWith({
        [MAIN]: "---\ntitle: T\n---\n\n# One\n\n## Text {{#if details.name}} never closed",
      }),
    ).toEqual([
      "terms-of-reference.md.hbs!7:42: Template syntax: the template ends inside an unclosed {{…}} or block.",
    ]);
  });

  it("reports an unknown field", async () => {
    expect(await problemsWith({ [MAIN]: "# One\n\n## The chair is {{details.chiar}}." })).toEqual([
      'terms-of-reference.md.hbs!3:19: Template: unknown field "details.chiar": the workbook data has no such value.',
    ]);
  });

  it("reports an unknown helper", async () => {
    expect(
      await problemsWith({ [MAIN]: "# One\n\n## Dated {{longdate details.startDate}}." }),
    ).toEqual(['terms-of-reference.md.hbs!3:12: Template: unknown helper "longdate".']);
  });

  it("reports a helper used on the wrong kind of value", async () => {
    expect(await problemsWith({ [MAIN]: "# One\n\n## Budget {{money details.name}}." })).toEqual([
      'terms-of-reference.md.hbs!3:11: Template: {{money}}: expects a number, got "Northvale Ageing Well Partnership".',
    ]);
  });

  it("reports a broken cross-reference where it is written", async () => {
    expect(
      await problemsWith({ [MAIN]: "# One {#one}\n\n## See [[clause:one]] and [[clause:two]]." }),
    ).toEqual([
      "terms-of-reference.md.hbs!3:27: Cross-reference [[clause:two]] points to no clause: no clause has that {#id}.",
    ]);
  });

  it("reports an undefined term in the partial that uses it", async () => {
    const board = templates["_board.md.hbs"] ?? "";
    const changed = board.replace(
      "## The Board leads the Partnership",
      "## The Joint Steering Group leads the Partnership",
    );
    expect(await problemsWith({ "_board.md.hbs": changed })).toEqual([
      `_board.md.hbs!${changed.split("\n").findIndex((l) => l.includes("Joint Steering Group")) + 1}:8: "Joint Steering Group" looks like a defined term but is not defined.`,
    ]);
  });

  it("reports an error inside a partial with the partial's own file and line", async () => {
    const problems = await problemsWith({ "_board.md.hbs": "# One\n\n## {{details.nope}}" });
    expect(problems).toEqual([
      '_board.md.hbs!3:6: Template: unknown field "details.nope": the workbook data has no such value.',
    ]);
  });

  it("reports a missing partial and a term defined twice", async () => {
    expect(await problemsWith({ [MAIN]: "{{> nowhere}}" })).toEqual([
      'terms-of-reference.md.hbs!1:1: Template: no partial "nowhere" (expected a file _nowhere.md.hbs).',
    ]);
    expect(
      await problemsWith({ [MAIN]: '**"Board"** means a.\n\n**"Board"** means b.\n\nThe Board.' }),
    ).toEqual(['terms-of-reference.md.hbs!1:3: "Board" is defined twice.']);
  });
});
