/**
 * Typed, located reading of a parsed YAML document. Instrument files are
 * edited by people who are not developers, so every problem names the line
 * and column and says what to write instead.
 */
import { isMap, isScalar, isSeq, type LineCounter, type Node, type YAMLMap } from "yaml";
import type { Problem, Severity } from "../model/problem.js";

/** A located problem collector for one file. */
export class FileProblems {
  readonly list: Problem[] = [];

  constructor(
    readonly fileName: string,
    private readonly lines: LineCounter,
  ) {}

  /** "line:column" of a node's first character, or of an offset in the text. */
  at(where: Node | number | null | undefined): string {
    const offset = typeof where === "number" ? where : (where?.range?.[0] ?? 0);
    const { line, col } = this.lines.linePos(offset);
    // linePos reports line 0 when the text has no newline before the offset.
    return line === 0 ? `1:${offset + 1}` : `${line}:${col}`;
  }

  add(
    severity: Severity,
    where: Node | number | null | undefined,
    message: string,
    hint?: string,
  ): void {
    const problem: Problem = {
      severity,
      sheet: this.fileName,
      cell: this.at(where),
      message,
    };
    if (hint) problem.hint = hint;
    this.list.push(problem);
  }

  error(where: Node | number | null | undefined, message: string, hint?: string): void {
    this.add("error", where, message, hint);
  }

  warn(where: Node | number | null | undefined, message: string, hint?: string): void {
    this.add("warning", where, message, hint);
  }

  get errorCount(): number {
    return this.list.filter((p) => p.severity === "error").length;
  }
}

/** How a value looks to the person who wrote it, for "got …" in messages. */
export function describe(node: unknown): string {
  if (node === null || node === undefined) return "nothing";
  if (isMap(node)) return "a group of fields";
  if (isSeq(node)) return "a list";
  if (isScalar(node)) {
    const value = node.value;
    if (value === null || value === undefined || value === "") return "nothing";
    if (typeof value === "string") return `"${value}"`;
    return String(value);
  }
  return "something else";
}

/** Plain text of a scalar: numbers and true/false count as text too. */
function scalarText(node: unknown): string | null {
  if (!isScalar(node)) return null;
  const value = node.value;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

function isBlank(node: unknown): boolean {
  if (node === null || node === undefined) return true;
  if (isScalar(node)) return node.value === null || node.value === undefined || node.value === "";
  return false;
}

/** The smallest number of single-letter edits between two words (for "did you mean"). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

export function closest(word: string, choices: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const choice of choices) {
    const distance = editDistance(word.toLowerCase(), choice.toLowerCase());
    if (distance < bestDistance) {
      best = choice;
      bestDistance = distance;
    }
  }
  return bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}

/**
 * The fields of one YAML map. `owner` names the thing in messages
 * ("Likelihood" gives "Likelihood's type must be …"); empty at the top level.
 */
export class Fields {
  private readonly values = new Map<string, { key: Node; value: Node | null }>();

  private constructor(
    private readonly problems: FileProblems,
    readonly map: YAMLMap,
    private owner: string,
  ) {}

  /**
   * Reads `node` as a map, reporting a problem and returning null if it is
   * not one. Keys outside `allowed` are reported with a "did you mean".
   */
  static of(
    problems: FileProblems,
    node: unknown,
    owner: string,
    allowed: readonly string[],
    where?: Node | null,
  ): Fields | null {
    if (!isMap(node)) {
      const subject = owner || "The file";
      problems.error(
        (node as Node | null) ?? where,
        `${subject} must be a group of fields (lines of "name: value"), got ${describe(node)}`,
      );
      return null;
    }
    const fields = new Fields(problems, node, owner);
    for (const pair of node.items) {
      const keyText = scalarText(pair.key) ?? "";
      const keyNode = pair.key as Node;
      const value = (pair.value as Node | null) ?? null;
      if (!allowed.includes(keyText)) {
        const guess = closest(keyText, allowed);
        const where = owner ? ` in ${owner}` : "";
        problems.error(
          keyNode,
          `"${keyText}" is not a field this file understands${where}`,
          guess
            ? `Did you mean "${guess}"?`
            : `The fields allowed here are: ${allowed.join(", ")}.`,
        );
        continue;
      }
      fields.values.set(keyText, { key: keyNode, value });
    }
    return fields;
  }

  /** Renames the owner once it is known (a column is named by its header). */
  rename(owner: string): void {
    this.owner = owner;
  }

  subject(key: string): string {
    return this.owner ? `${this.owner}'s ${key}` : key;
  }

  has(key: string): boolean {
    const entry = this.values.get(key);
    return entry !== undefined && !isBlank(entry.value);
  }

  /** The value node, or the key node when the value is empty; for locating problems. */
  where(key: string): Node {
    const entry = this.values.get(key);
    return entry?.value ?? entry?.key ?? this.map;
  }

  node(key: string): Node | null {
    return this.values.get(key)?.value ?? null;
  }

  /** Reports the field missing unless present; for fields read by other means. */
  require(key: string, example: string): boolean {
    if (this.has(key)) return true;
    this.missing(key, example);
    return false;
  }

  private missing(key: string, example: string): void {
    const entry = this.values.get(key);
    const under = this.owner ? ` under ${this.owner}` : "";
    this.problems.error(
      entry?.key ?? this.map,
      `${this.subject(key)} is missing`,
      example.startsWith("(")
        ? `Add "${key}:"${under}, followed by ${example.slice(1, -1)}.`
        : `Add a line "${key}: ${example}"${under}.`,
    );
  }

  /** One line of text; null (and a problem) when required and missing or not text. */
  text(key: string, example: string, required = true): string | null {
    if (!this.has(key)) {
      if (required) this.missing(key, example);
      return null;
    }
    const node = this.node(key);
    const text = scalarText(node);
    if (text === null) {
      this.problems.error(node, `${this.subject(key)} must be text, got ${describe(node)}`);
      return null;
    }
    if (text === "") {
      if (required) this.missing(key, example);
      return null;
    }
    return text;
  }

  number(key: string, example: string, required = true): number | null {
    if (!this.has(key)) {
      if (required) this.missing(key, example);
      return null;
    }
    const node = this.node(key);
    if (!isScalar(node) || typeof node.value !== "number" || !Number.isFinite(node.value)) {
      this.problems.error(node, `${this.subject(key)} must be a number, got ${describe(node)}`);
      return null;
    }
    return node.value;
  }

  integer(key: string, example: string, required = true): number | null {
    const value = this.number(key, example, required);
    if (value !== null && !Number.isInteger(value)) {
      this.problems.error(
        this.node(key),
        `${this.subject(key)} must be a whole number, got ${value}`,
      );
      return null;
    }
    return value;
  }

  boolean(key: string, fallback: boolean): boolean {
    if (!this.has(key)) return fallback;
    const node = this.node(key);
    if (!isScalar(node) || typeof node.value !== "boolean") {
      this.problems.error(
        node,
        `${this.subject(key)} must be true or false, got ${describe(node)}`,
      );
      return fallback;
    }
    return node.value;
  }

  /** The items of a list; null (and a problem) when missing, not a list, or empty and required. */
  list(key: string, example: string, required = true): Node[] | null {
    if (!this.has(key)) {
      if (required) this.missing(key, example);
      return null;
    }
    const node = this.node(key);
    if (!isSeq(node)) {
      this.problems.error(
        node,
        `${this.subject(key)} must be a list (lines starting with "- "), got ${describe(node)}`,
      );
      return null;
    }
    const items = node.items.map((item) => item as Node);
    if (items.length === 0 && required) {
      this.problems.error(node, `${this.subject(key)} is an empty list`, `Add at least one item.`);
      return null;
    }
    return items;
  }
}

export { scalarText, isBlank };
