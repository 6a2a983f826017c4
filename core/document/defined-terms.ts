import { escapeRegExp } from "../text/regexp.js";
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
  /** The terms each prose text defines (same order): its own lower-case lead-in is not a slip. */
  proseDefines: string[][];
}

function scan(numbered: readonly NumberedBlock[]): Scanned {
  const scanned: Scanned = { definitions: [], usage: [], prose: [], proseDefines: [] };
  const add = (content: readonly Inline[], checkProse: boolean) => {
    let usage = "";
    const defines: string[] = [];
    const all = pieces(content);
    all.forEach((piece, index) => {
      // `**"Board"** has the meaning given in clause 5.1` points at a definition made elsewhere.
      const pointer =
        piece.definition && /^\s*has the meaning given/.test(all[index + 1]?.text ?? "");
      if (pointer) {
        usage += "\u0000";
      } else if (piece.definition) {
        const term = (DEFINITION.exec(piece.text.trim())?.[1] ?? "").trim();
        scanned.definitions.push(term);
        defines.push(term);
        usage += "\u0000";
      } else {
        usage += piece.text;
      }
    });
    scanned.usage.push(usage);
    if (checkProse) {
      scanned.prose.push(usage);
      scanned.proseDefines.push(defines);
    }
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

interface TermMatcher {
  termOf: Map<string, string>;
  pattern: RegExp | null;
}

/** One regular expression for all the forms of all the terms, built once per set of terms. */
const matchers = new Map<string, TermMatcher>();

function matcherFor(terms: readonly string[]): TermMatcher {
  const key = [...terms].sort().join("|");
  const cached = matchers.get(key);
  if (cached) return cached;
  const termOf = new Map<string, string>();
  for (const term of terms)
    for (const form of forms(term)) if (!termOf.has(form)) termOf.set(form, term);
  const alternatives = [...termOf.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
  const pattern =
    alternatives.length === 0
      ? null
      : new RegExp(`(?<![A-Za-z])(?:${alternatives.join("|")})(?![A-Za-z])`, "g");
  const matcher = { termOf, pattern };
  if (matchers.size >= 16) matchers.clear();
  matchers.set(key, matcher);
  return matcher;
}

/** The defined terms that occur in the text, found in one pass over it. */
function termsUsed(terms: readonly string[], text: string): Set<string> {
  const { termOf, pattern } = matcherFor(terms);
  const used = new Set<string>();
  if (!pattern) return used;
  for (const match of text.matchAll(pattern)) {
    const term = termOf.get(match[0]);
    if (term) used.add(term);
  }
  return used;
}

/** The forms a term takes in running text: plural, possessive, and the singular of a plural term. */
function forms(term: string): string[] {
  const base = [term, `${term}s`, `${term}'s`, `${term}’s`, `${term}s'`, `${term}s’`];
  if (term.endsWith("s"))
    base.push(term.slice(0, -1), `${term.slice(0, -1)}'s`, `${term.slice(0, -1)}’s`);
  return base;
}

interface Word {
  word: string;
  start: number;
  end: number;
}

/**
 * Capitalised phrases of two or more words that no defined term or proper
 * noun accounts for. A run of capitalised words (with "of", "and", "the"… in
 * between) is split greedily into known terms; what is left over, two or more
 * capitalised words together, is reported, minus a sentence's first word.
 */
export function undefinedPhrases(text: string, isKnown: (phrase: string) => boolean): string[] {
  const phrases: string[] = [];
  const words: Word[] = [...text.matchAll(/[A-Za-z][A-Za-z’'-]*/g)].map((m) => ({
    word: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
  const runs: Word[][] = [];
  let run: Word[] = [];
  for (const entry of words) {
    const previous = run[run.length - 1];
    const joined = previous !== undefined && text.slice(previous.end, entry.start) === " ";
    if (isCapitalised(entry.word) || (joined && CONNECTORS.has(entry.word))) {
      if (!joined && run.length > 0) {
        runs.push(run);
        run = [];
      }
      run.push(entry);
    } else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  if (run.length > 0) runs.push(run);
  const phraseOf = (from: Word[], i: number, j: number) =>
    text.slice(from[i]?.start ?? 0, from[j]?.end ?? 0);
  for (const current of runs) {
    let leftover: Word[] = [];
    const report = () => {
      while (leftover.length > 0 && CONNECTORS.has(leftover[leftover.length - 1]?.word ?? ""))
        leftover.pop();
      while (leftover.length > 0 && CONNECTORS.has(leftover[0]?.word ?? "")) leftover.shift();
      const first = leftover[0];
      if (first) {
        const before = text.slice(0, first.start).replace(/[\s"“(]+$/, "");
        // Data and gaps are marked with control characters; they break a phrase.
        // eslint-disable-next-line no-control-regex
        if (before === "" || /[.!?:\u0000]$/.test(before)) leftover.shift();
      }
      if (leftover.filter((w) => isCapitalised(w.word)).length >= 2)
        phrases.push(phraseOf(leftover, 0, leftover.length - 1));
      leftover = [];
    };
    for (let i = 0; i < current.length;) {
      let matched = -1;
      for (let j = current.length - 1; j >= i; j--) {
        if (isKnown(phraseOf(current, i, j))) {
          matched = j;
          break;
        }
      }
      if (matched >= 0) {
        report();
        i = matched + 1;
      } else {
        const entry = current[i];
        if (entry && (isCapitalised(entry.word) || leftover.length > 0)) leftover.push(entry);
        else report();
        i++;
      }
    }
    report();
  }
  return phrases;
}

/**
 * Template prose repeats from one document to the next (only the workbook's
 * data changes, and data is not checked), so results are remembered per text
 * and set of known terms: in a batch the check costs almost nothing after the
 * first document.
 */
const phraseCaches = new Map<string, Map<string, string[]>>();
const PHRASE_CACHE_LIMIT = 20_000;

function phraseCacheFor(knownKey: string): Map<string, string[]> {
  let cache = phraseCaches.get(knownKey);
  if (!cache) {
    // A handful of term sets (one per template and arrangement) in practice; start afresh if there are many.
    if (phraseCaches.size >= 16) phraseCaches.clear();
    cache = new Map();
    phraseCaches.set(knownKey, cache);
  }
  return cache;
}

function cachedPhrases(
  text: string,
  cache: Map<string, string[]>,
  isKnown: (phrase: string) => boolean,
): string[] {
  const cached = cache.get(text);
  if (cached) return cached;
  const phrases = undefinedPhrases(text, isKnown);
  if (cache.size >= PHRASE_CACHE_LIMIT) cache.clear();
  cache.set(text, phrases);
  return phrases;
}

/** Whole results by the template text they were found in: a batch of similar partnerships checks once. */
const resultCache = new Map<string, TermIssue[]>();

export function checkDefinedTerms(
  numbered: readonly NumberedBlock[],
  properNouns: readonly string[],
): TermIssue[] {
  const scanned = scan(numbered);
  const key = [
    scanned.definitions.join("|"),
    properNouns.join("|"),
    scanned.usage.join("\u0000"),
    scanned.prose.join("\u0000"),
    scanned.proseDefines.map((d) => d.join("|")).join("\u0000"),
  ].join("\u0001");
  const cached = resultCache.get(key);
  if (cached) return cached.map((issue) => ({ ...issue }));
  const issues = findTermIssues(scanned, properNouns);
  if (resultCache.size >= 64) resultCache.clear();
  resultCache.set(key, issues);
  return issues.map((issue) => ({ ...issue }));
}

/**
 * A defined term of two or more words written in lower case ("five working
 * days" where "Working Day" is defined): a reader cannot tell whether the
 * definition was meant. One-word terms ("Partner", "Services") are left
 * alone: their lower-case forms are ordinary English. A text that defines
 * the term may lead in with it in lower case ("a pooled fund … (the
 * "Pooled Fund")").
 */
export function lowerCaseTermUses(
  terms: readonly string[],
  prose: readonly string[],
  proseDefines: readonly (readonly string[])[] = [],
): { term: string; phrase: string }[] {
  const found: { term: string; phrase: string }[] = [];
  const seen = new Set<string>();
  for (const term of terms) {
    if (!/\s/.test(term.trim())) continue;
    const exact = new Set(forms(term));
    const pattern = new RegExp(
      `(?<![A-Za-z])(?:${[...exact]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join("|")})(?![A-Za-z])`,
      "gi",
    );
    prose.forEach((text, index) => {
      if (proseDefines[index]?.includes(term)) return;
      for (const match of text.matchAll(pattern)) {
        const phrase = match[0];
        if (exact.has(phrase) || seen.has(phrase)) continue;
        seen.add(phrase);
        found.push({ term, phrase });
      }
    });
  }
  return found;
}

function findTermIssues(
  { definitions, usage, prose, proseDefines }: Scanned,
  properNouns: readonly string[],
): TermIssue[] {
  const issues: TermIssue[] = [];
  const seen = new Set<string>();
  for (const term of definitions) {
    if (seen.has(term)) {
      issues.push({
        severity: "error",
        message: `"${term}" is defined twice`,
        snippet: `"${term}"`,
      });
    }
    seen.add(term);
  }
  const used = termsUsed([...seen], usage.join("\u0000"));
  for (const term of seen) {
    if (!used.has(term)) {
      issues.push({
        severity: "warning",
        message: `Defined term "${term}" is never used`,
        snippet: `"${term}"`,
      });
    }
  }
  for (const { term, phrase } of lowerCaseTermUses([...seen], prose, proseDefines)) {
    issues.push({
      severity: "warning",
      message: `"${phrase}" is in lower case but "${term}" is a defined term: write "${term}" if the definition is meant, or reword`,
      snippet: phrase,
    });
  }
  const known = new Set([...[...seen].flatMap(forms), ...BUILT_IN_PROPER_NOUNS, ...properNouns]);
  const isKnown = (phrase: string) => known.has(phrase);
  const cache = phraseCacheFor([...known].sort().join("|"));
  const reported = new Set<string>();
  for (const text of prose) {
    for (const phrase of cachedPhrases(text, cache, isKnown)) {
      if (reported.has(phrase)) continue;
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
