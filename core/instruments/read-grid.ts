/** The `grid` kind of instrument: a scale, sections of statements, bands. */
import { isMap, isScalar, type Node } from "yaml";
import type { Band, GridInstrument, Instrument, Scale, Section, Statement } from "./types.js";
import { describe, Fields, FileProblems, scalarText } from "./yaml-fields.js";

type Base = Pick<Instrument, "id" | "title" | "sheet" | "source" | "instructions">;

export function readGrid(
  problems: FileProblems,
  fields: Fields,
  base: Base,
): GridInstrument | null {
  const scale = readScale(problems, fields);
  const sections = readSections(problems, fields);
  const bands = readBands(problems, fields, scale);
  const spread = fields.number("disagreement_spread", "2");
  if (spread !== null && scale !== null && (spread <= 0 || spread > scale.max - scale.min)) {
    problems.error(
      fields.where("disagreement_spread"),
      `disagreement_spread must be more than 0 and at most ${scale.max - scale.min} (the scale's max minus min), got ${spread}`,
    );
  }
  if (!scale || !sections || !bands || spread === null) return null;
  return {
    ...base,
    kind: "grid",
    scale,
    sections,
    bands,
    disagreementSpread: spread,
    lowIsWeak: fields.boolean("low_is_weak", true),
  };
}

function readScale(problems: FileProblems, parent: Fields): Scale | null {
  if (!parent.require("scale", "(min, max and labels on the lines below)")) return null;
  const fields = Fields.of(problems, parent.node("scale"), "scale", ["min", "max", "labels"]);
  if (!fields) return null;
  const min = fields.integer("min", "1");
  const max = fields.integer("max", "4");
  if (min === null || max === null) return null;
  if (min >= max) {
    problems.error(
      fields.where("max"),
      `scale's max must be more than its min, got min ${min} and max ${max}`,
    );
    return null;
  }
  const labels: Record<number, string> = {};
  if (!fields.require("labels", '(a line "score: label" for each score)')) return null;
  const labelNode = fields.node("labels");
  if (!isMap(labelNode)) {
    problems.error(
      labelNode,
      `scale's labels must be lines of "score: label", got ${describe(labelNode)}`,
    );
    return null;
  }
  let ok = true;
  for (const pair of labelNode.items) {
    const key = pair.key as Node;
    const score = isScalar(key) ? Number(key.value) : NaN;
    if (!Number.isInteger(score) || score < min || score > max) {
      problems.error(
        key,
        `scale's labels must be for whole-number scores from ${min} to ${max}, got ${describe(key)}`,
      );
      ok = false;
      continue;
    }
    const text = scalarText(pair.value);
    if (!text) {
      problems.error(
        (pair.value as Node | null) ?? key,
        `the label for score ${score} must be text, got ${describe(pair.value)}`,
      );
      ok = false;
      continue;
    }
    labels[score] = text;
  }
  const unlabelled: number[] = [];
  for (let score = min; score <= max; score++) if (!(score in labels)) unlabelled.push(score);
  if (ok && unlabelled.length > 0) {
    problems.warn(
      labelNode,
      `score${unlabelled.length > 1 ? "s" : ""} ${unlabelled.join(", ")} ha${unlabelled.length > 1 ? "ve" : "s"} no label`,
      "Label every score so partners score alike.",
    );
  }
  return ok ? { min, max, labels } : null;
}

function readSections(problems: FileProblems, parent: Fields): Section[] | null {
  const items = parent.list("sections", "(a list of sections)");
  if (!items) return null;
  const sections: Section[] = [];
  const sectionNames = new Map<string, string>();
  const statementTexts = new Map<string, string>();
  let ok = true;
  items.forEach((item, i) => {
    const fields = Fields.of(problems, item, `section ${i + 1}`, ["name", "statements"], item);
    if (!fields) return void (ok = false);
    const name = fields.text("name", "Efficiency");
    if (name !== null) {
      fields.rename(`section "${name}"`);
      const first = sectionNames.get(name.toLowerCase());
      if (first) {
        problems.error(fields.where("name"), `section "${name}" appears twice (first at ${first})`);
        ok = false;
      } else sectionNames.set(name.toLowerCase(), problems.at(fields.where("name")));
    }
    const statementNodes = fields.list("statements", "(a list of statements)");
    if (name === null || !statementNodes) return void (ok = false);
    const statements: Statement[] = [];
    for (const node of statementNodes) {
      const statement = readStatement(problems, node, name);
      if (!statement) {
        ok = false;
        continue;
      }
      const key = statement.text.toLowerCase();
      const first = statementTexts.get(key);
      if (first) {
        problems.error(node, `statement "${statement.text}" appears twice (first at ${first})`);
        ok = false;
        continue;
      }
      statementTexts.set(key, problems.at(node));
      statements.push(statement);
    }
    sections.push({ name, statements });
  });
  return ok ? sections : null;
}

function readStatement(problems: FileProblems, node: Node, section: string): Statement | null {
  if (isMap(node) && !node.has("text")) {
    problems.error(
      node,
      `a statement in "${section}" reads as "name: value"`,
      'Put a statement that contains ": " in "double quotes", or write it as "text: …".',
    );
    return null;
  }
  if (isMap(node)) {
    const fields = Fields.of(problems, node, `a statement in "${section}"`, [
      "text",
      "own_wording",
    ]);
    if (!fields) return null;
    const text = fields.text("text", "Partners share information.");
    const ownWording = fields.boolean("own_wording", false);
    return text === null ? null : { text, ownWording };
  }
  const text = scalarText(node);
  if (!text) {
    problems.error(
      node,
      `each statement in "${section}" must be text, got ${describe(node)}`,
      'If the statement contains ": ", put it in "double quotes".',
    );
    return null;
  }
  return { text, ownWording: false };
}

function readBands(problems: FileProblems, parent: Fields, scale: Scale | null): Band[] | null {
  const items = parent.list("bands", "(a list of bands)");
  if (!items) return null;
  const bands: Band[] = [];
  const seen = new Map<number, string>();
  let ok = true;
  items.forEach((item, i) => {
    const fields = Fields.of(problems, item, `band ${i + 1}`, ["min", "verdict"], item);
    if (!fields) return void (ok = false);
    const min = fields.number("min", "3.5");
    const verdict = fields.text("verdict", "Strength");
    if (min === null || verdict === null) return void (ok = false);
    if (scale && (min < scale.min || min > scale.max)) {
      problems.error(
        fields.where("min"),
        `band ${i + 1}'s min must be within the scale, ${scale.min} to ${scale.max}, got ${min}`,
      );
      ok = false;
    }
    const first = seen.get(min);
    if (first) {
      problems.error(fields.where("min"), `two bands start at ${min} (the other is at ${first})`);
      ok = false;
    }
    seen.set(min, problems.at(fields.where("min")));
    bands.push({ min, verdict });
  });
  if (!ok) return null;
  bands.sort((a, b) => b.min - a.min);
  const lowest = bands[bands.length - 1];
  if (scale && lowest && lowest.min > scale.min) {
    problems.error(
      parent.where("bands"),
      `no band covers mean scores below ${lowest.min}`,
      `Add a band with "min: ${scale.min}" (the scale's lowest score) so every statement gets a verdict.`,
    );
    return null;
  }
  return bands;
}
