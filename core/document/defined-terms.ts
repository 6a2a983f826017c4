import type { NumberedBlock } from "./clauses.js";
import type { Inline } from "./markup/inline.js";

/**
 * Defined terms, checked as a careful solicitor would: every term defined
 * (`**"Pooled Fund"** means …`, or inline as `(the **"Host Partner"**)`) is
 * used somewhere else, none is defined twice, and every capitalised
 * multi-word phrase in the template's own words that looks like a defined
 * term is one. Workbook text (partner names, objectives) is data and never
 * checked; headings, notes and table headers are Title Case by convention and
 * are left alone too.
 */

export interface TermIssue {
  severity: "error" | "warning";
  message: string;
  /** What to search for in the templates to locate the problem. */
  snippet: string;
}

const DEFINITION = /^["“]([^"”]+)["”]$/;
const CONNECTORS = new Set(["of", "and", "for", "the", "in", "on", "to"]);
/** Phrases the law or the public sector spells in capitals without them being defined terms. */
const BUILT_IN_PROPER_NOUNS = [
  "National Health Service Act",
  "National Health Service",
  "Local Government Act",
  "Freedom of Information Act",
  "Environmental Information Regulations",
  "Data Protection Act",
  "Contracts (Rights of Third Parties) Act",
  "Rights of Third Parties",
  "Secretary of State",
  "Health and Wellbeing Board",
  "Local Government Ombudsman",
  "Parliamentary and Health Service Ombudsman",
  "Information Commissioner",
  "England and Wales",
  "United Kingdom",
  "Care Quality Commission",
  "Public Sector Equality Duty",
  "Equality Act",
  "Care Act",
  "Health and Social Care Act",
  "Nolan Principles",
  "Seven Principles of Public Life",
];

function isCapitalised(word: string): boolean {
  return /^[A-Z][a-z’'-]/.test(word);
}

interface TextPiece {
  text: string;
  definition: boolean;
}

function pieces(content: readonly Inline[]): TextPiece[] {
  return content.flatMap((part): TextPiece[] => {
    if (part.kind === "text" && !part.data) {
      return [{ text: part.text, definition: part.bold && DEFINITION.test(part.text.trim()) }];
    }
    // Data, missing values and breaks interrupt a phrase.
    return [{ text: "\u0000", definition: false }];
  });
}

interface Scanned {
  definitions: string[];
  /** Template text where terms are used (definitions themselves left out). */
  usage: string[];
  /** Template text checked for undefined capitalised phrases. */
  prose: string[];
}

function scan(numbered: readonly NumberedBlock[]): Scanned {
  const scanned: Scanned = { definitions: [], usage: [], prose: [] };
  const add = (content: readonly Inline[], checkProse: boolean) => {
    let usage = "";
    for (const piece of pieces(content)) {
      if (piece.definition) {
        scanned.definitions.push((DEFINITION.exec(piece.text.trim())?.[1] ?? "").trim());
        usage += "\u0000";
      } else {
        usage += piece.text;
      }
    }
    scanned.usage.push(usage);
    if (checkProse) scanned.prose.push(usage);
  };
  for (const { block } of numbered) {
    switch (block.kind) {
      case "clause":
        add(block.content, block.level > 1);
        break;
      case "paragraph":
      case "item":
        add(block.content, true);
        break;
      case "table":
        block.header.forEach((cell) => add(cell, false));
        block.rows.forEach((row) => row.forEach((cell) => add(cell, true)));
        break;
      case "schedule":
        add(block.title, false);
        break;
      case "note":
      case "pageBreak":
        break;
    }
  }
  return scanned;
}

function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const singular = term.endsWith("s") ? `|${escaped.slice(0, -1)}` : "";
  return new RegExp(`(?<![A-Za-z])(?:${escaped}${singular})(?:s|'s|’s)?(?![A-Za-z])`);
}

/** Capitalised runs of two or more words, sentence openers dropped. */
export function capitalisedPhrases(text: string): string[] {
  const phrases: string[] = [];
  const words = [...text.matchAll(/[A-Za-z][A-Za-z’'-]*/g)];
  let run: { word: string; start: number; end: number }[] = [];
  const finish = () => {
    while (run.length > 0 && !isCapitalised(run[run.length - 1]?.word ?? "")) run.pop();
    const first = run[0];
    if (first) {
      const before = text.slice(0, first.start).replace(/[\s"“(]+$/, "");
      if (before === "" || /[.!?:\u0000]$/.test(before)) run.shift();
    }
    const capitals = run.filter((w) => isCapitalised(w.word)).length;
    const head = run[0];
    const tail = run[run.length - 1];
    if (capitals >= 2 && head && tail) {
      phrases.push(text.slice(head.start, tail.end).replace(/(?:'s|’s)$/, ""));
    }
    run = [];
  };
  for (const match of words) {
    const word = match[0];
    const start = match.index ?? 0;
    const entry = { word, start, end: start + word.length };
    const previous = run[run.length - 1];
    const joined = previous !== undefined && text.slice(previous.end, start) === " ";
    if (isCapitalised(word)) {
      if (!joined) finish();
      run.push(entry);
    } else if (joined && CONNECTORS.has(word) && run.length > 0) {
      run.push(entry);
    } else {
      finish();
    }
  }
  finish();
  return phrases;
}

function allowed(phrase: string, defined: Set<string>, properNouns: readonly string[]): boolean {
  const forms = [phrase, phrase.replace(/s$/, ""), `${phrase}s`];
  if (forms.some((form) => defined.has(form))) return true;
  return properNouns.some((noun) => noun === phrase || noun.startsWith(`${phrase} `) || phrase.startsWith(`${noun} `));
}

export function checkDefinedTerms(numbered: readonly NumberedBlock[], properNouns: readonly string[]): TermIssue[] {
  const issues: TermIssue[] = [];
  const { definitions, usage, prose } = scan(numbered);
  const seen = new Set<string>();
  for (const term of definitions) {
    if (seen.has(term)) {
      issues.push({ severity: "error", message: `"${term}" is defined twice`, snippet: `"${term}"` });
    }
    seen.add(term);
  }
  const used = usage.join("\u0000");
  for (const term of seen) {
    if (!termPattern(term).test(used)) {
      issues.push({
        severity: "warning",
        message: `Defined term "${term}" is never used`,
        snippet: `"${term}"`,
      });
    }
  }
  const nouns = [...BUILT_IN_PROPER_NOUNS, ...properNouns];
  const reported = new Set<string>();
  for (const text of prose) {
    for (const phrase of capitalisedPhrases(text)) {
      if (reported.has(phrase) || allowed(phrase, seen, nouns)) continue;
      reported.add(phrase);
      issues.push({
        severity: "error",
        message: `"${phrase}" looks like a defined term but is not defined`,
        snippet: phrase,
      });
    }
  }
  return issues;
}
