import { letterFor, roman } from "../format/uk.js";
import type { Block } from "./markup/blocks.js";
import type { Inline } from "./markup/inline.js";

/**
 * Numbering: clauses 1, 1.1, 1.1.1 counted over the blocks that survived
 * rendering, so an optional clause that drops out renumbers everything after
 * it; schedules are numbered 1, 2, 3 and restart their paragraphs at 1;
 * lettered paragraphs (a), (b) restart under each clause.
 */

export interface NumberedBlock {
  block: Block;
  /** "7.2" for a clause, "3" for a schedule, "(b)" for an item; null when unnumbered. */
  number: string | null;
  /** The schedule the block sits in, or null in the body of the document. */
  schedule: number | null;
  /** How far the block's text is indented: 0 for headings, 1–4 below them. */
  indent: number;
}

export interface Target {
  kind: "clause" | "schedule";
  number: string;
  schedule: number | null;
}

export interface NumberingIssue {
  message: string;
  snippet: string;
}

export function numberClauses(blocks: readonly Block[]): {
  numbered: NumberedBlock[];
  targets: Map<string, Target>;
  issues: NumberingIssue[];
} {
  const numbered: NumberedBlock[] = [];
  const targets = new Map<string, Target>();
  const issues: NumberingIssue[] = [];
  const counters = [0, 0, 0];
  let schedule: number | null = null;
  let schedules = 0;
  let level = 0;
  let items = [0, 0];
  let itemStyle = "";
  const register = (id: string | null, target: Target) => {
    if (id === null) return;
    if (targets.has(id))
      issues.push({ message: `Clause id {#${id}} is used twice`, snippet: `{#${id}}` });
    else targets.set(id, target);
  };
  for (const block of blocks) {
    if (block.kind !== "item" && block.kind !== "note") items = [0, 0];
    switch (block.kind) {
      case "schedule": {
        schedules++;
        schedule = schedules;
        counters.fill(0);
        level = 0;
        register(block.id, { kind: "schedule", number: String(schedules), schedule });
        numbered.push({ block, number: String(schedules), schedule, indent: 0 });
        break;
      }
      case "clause": {
        if (!block.numbered) {
          level = block.level;
          numbered.push({
            block,
            number: null,
            schedule,
            indent: block.level === 1 ? 0 : block.level - 1,
          });
          break;
        }
        const depth = block.level - 1;
        if (depth > 0 && counters[depth - 1] === 0) {
          const marks = "#".repeat(block.level);
          issues.push({
            message: `A level ${block.level} clause (${marks}) comes before any level ${block.level - 1} clause`,
            snippet: `${marks} `,
          });
        }
        counters[depth] = (counters[depth] ?? 0) + 1;
        for (let i = depth + 1; i < counters.length; i++) counters[i] = 0;
        const number = counters.slice(0, depth + 1).join(".");
        level = block.level;
        register(block.id, { kind: "clause", number, schedule });
        numbered.push({ block, number, schedule, indent: block.level === 1 ? 0 : block.level - 1 });
        break;
      }
      case "item": {
        if (block.depth === 1) {
          // A list in another style is another list: (a), (b) then (1), (2).
          if (block.style !== itemStyle) items = [0, 0];
          itemStyle = block.style;
          items = [(items[0] ?? 0) + 1, 0];
          const n = items[0] ?? 1;
          const label =
            block.style === "number"
              ? String(n)
              : block.style === "upper"
                ? letterFor(n - 1).toUpperCase()
                : letterFor(n - 1);
          numbered.push({ block, number: `(${label})`, schedule, indent: Math.max(level, 1) });
        } else {
          items[1] = (items[1] ?? 0) + 1;
          numbered.push({
            block,
            number: `(${roman(items[1] ?? 1)})`,
            schedule,
            indent: Math.max(level, 1) + 1,
          });
        }
        break;
      }
      default:
        numbered.push({
          block,
          number: null,
          schedule,
          indent: block.kind === "pageBreak" ? 0 : level,
        });
    }
  }
  return { numbered, targets, issues };
}

/** The words a cross-reference prints, as a solicitor would write them. */
export function referenceText(
  target: Target,
  form: "clause" | "Clause" | "ref",
  from: number | null,
  clauseWord: string,
): string {
  if (target.kind === "schedule")
    return form === "ref" ? target.number : `Schedule ${target.number}`;
  if (form === "ref") return target.number;
  const word = target.schedule === null ? clauseWord : "paragraph";
  const capitalised = form === "Clause" ? word.charAt(0).toUpperCase() + word.slice(1) : word;
  const where =
    target.schedule !== null && target.schedule !== from ? ` of Schedule ${target.schedule}` : "";
  return `${capitalised} ${target.number}${where}`;
}

/**
 * Whether a reference points at the clause it sits in, or at one enclosing
 * it ("clause 8" inside 8.2): a solicitor writes "this clause" there.
 */
export function isSelfReference(
  target: Target,
  from: number | null,
  within: string | null,
): boolean {
  return (
    target.kind === "clause" &&
    target.schedule === from &&
    within !== null &&
    (within === target.number || within.startsWith(`${target.number}.`))
  );
}

function resolveIn(
  content: Inline[],
  targets: Map<string, Target>,
  from: number | null,
  clauseWord: string,
  unresolved: string[],
  within: string | null = null,
): Inline[] {
  return content.map((part) => {
    if (part.kind !== "ref") return part;
    const target = targets.get(part.target);
    if (!target) {
      unresolved.push(part.raw);
      return {
        kind: "text",
        text: `[BROKEN REFERENCE: ${part.target}]`,
        bold: true,
        italic: false,
        data: false,
      };
    }
    if (part.form !== "ref" && isSelfReference(target, from, within)) {
      const word = target.schedule === null ? clauseWord : "paragraph";
      const text = `${part.form === "Clause" ? "This" : "this"} ${word}`;
      return { kind: "text", text, bold: part.bold, italic: part.italic, data: false };
    }
    const text = referenceText(target, part.form, from, clauseWord);
    return {
      kind: "text",
      text,
      bold: part.bold,
      italic: part.italic,
      data: false,
      ref: part.target,
    };
  });
}

/** Replaces every `[[clause:id]]` with its number; returns the references that point nowhere. */
export function resolveReferences(
  numbered: NumberedBlock[],
  targets: Map<string, Target>,
  clauseWord: string,
): string[] {
  const unresolved: string[] = [];
  // The clause each block sits in, for references to it from inside it ("this clause").
  let within: string | null = null;
  const resolve = (content: Inline[], from: number | null) =>
    resolveIn(content, targets, from, clauseWord, unresolved, within);
  for (const entry of numbered) {
    const block = entry.block;
    if (block.kind === "schedule") within = null;
    else if (block.kind === "clause" && (entry.number !== null || block.level === 1))
      within = entry.number;
    switch (block.kind) {
      case "clause":
      case "paragraph":
      case "item":
      case "note":
        block.content = resolve(block.content, entry.schedule);
        break;
      case "schedule":
        block.title = resolve(block.title, entry.schedule);
        break;
      case "table":
        block.header = block.header.map((cell) => resolve(cell, entry.schedule));
        block.rows = block.rows.map((row) => row.map((cell) => resolve(cell, entry.schedule)));
        break;
      case "pageBreak":
        break;
    }
  }
  return unresolved;
}
