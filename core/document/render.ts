import Handlebars from "handlebars";
import type { Problem } from "../model/problem.js";
import { HELPERS, HelperUsageError } from "./helpers.js";
import { MAIN_TEMPLATE, partialName, type DocumentKind } from "./kinds.js";
import { escapeRegExp } from "../text/regexp.js";
import { findInTemplates, positionAt, type SourcePosition } from "./source-position.js";

/**
 * Stage 1: Handlebars, in strict mode, with the UK helpers. Templates are
 * compiled once per set of sources (hosts pass the same object for a whole
 * batch) and every error is turned into a Problem with file, line and column.
 */

type Env = ReturnType<typeof Handlebars.create>;
type Render = (context: unknown, options?: Handlebars.RuntimeOptions) => string;

export interface CompiledTemplates {
  sources: Readonly<Record<string, string>>;
  render: Partial<Record<DocumentKind, Render>>;
}

const COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** Errors carry the file they were thrown in, set by the innermost partial that saw them. */
const FILE_OF_ERROR = new WeakMap<object, string>();

function templateProblem(position: SourcePosition | null, file: string, message: string): Problem {
  return {
    severity: "error",
    sheet: position?.file ?? file,
    cell: position ? `${position.line}:${position.column}` : "",
    message,
  };
}

/** Handlebars' parse errors give only a snippet; find the column by matching it against the line. */
function parseErrorPosition(file: string, source: string, message: string): SourcePosition | null {
  const match = /^Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(message);
  if (!match) return null;
  const line = Number(match[1]);
  const snippet = match[2] ?? "";
  const before = snippet.slice(0, (match[3] ?? "").length).replace(/^\.\.\./, "");
  const after = snippet.slice((match[3] ?? "").length).replace(/\.\.\.$/, "");
  const text = source.split("\n")[line - 1] ?? "";
  for (let column = text.length; column >= 0; column--) {
    const head = text.slice(0, column);
    const fitsBefore = before.endsWith(head) || head.endsWith(before);
    const tail = text.slice(column, column + after.length);
    if (fitsBefore && after.startsWith(tail)) return { file, line, column: column + 1 };
  }
  return { file, line, column: 1 };
}

function parseProblem(file: string, source: string, error: unknown): Problem {
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  if (typeof located.lineNumber === "number") {
    const text = message.replace(/ - \d+:\d+$/, "");
    return templateProblem(
      { file, line: located.lineNumber, column: (located.column ?? 0) + 1 },
      file,
      `Template syntax: ${text}`,
    );
  }
  const expected = /got '([A-Z_]+)'/.exec(message)?.[1];
  const summary =
    expected === "EOF"
      ? "the template ends inside an unclosed {{…}} or block"
      : "unexpected text in a {{…}} expression";
  return templateProblem(
    parseErrorPosition(file, source, message),
    file,
    `Template syntax: ${summary}`,
  );
}

function identifierAt(
  source: string,
  line: number,
  column0: number,
): { name: string; call: boolean } {
  const text = source.split("\n")[line - 1] ?? "";
  const rest = text.slice(column0);
  const name = /^[@A-Za-z0-9_.\-/]+/.exec(rest)?.[0] ?? "";
  const after = rest.slice(name.length);
  return { name, call: /^\s+[^\s}~)]/.test(after) };
}

/** Turns an error thrown while rendering into a located problem. */
function renderProblem(
  sources: Readonly<Record<string, string>>,
  mainFile: string,
  error: unknown,
): Problem {
  const file =
    (typeof error === "object" && error !== null && FILE_OF_ERROR.get(error)) || mainFile;
  const source = sources[file] ?? "";
  const message = error instanceof Error ? error.message : String(error);
  const located = error as { lineNumber?: number; column?: number };
  const notDefined = /^"([^"]+)" not defined in/.exec(message);
  if (notDefined && typeof located.lineNumber === "number") {
    const column0 = located.column ?? 0;
    const { name, call } = identifierAt(source, located.lineNumber, column0);
    const what = call
      ? `unknown helper "${name || notDefined[1]}"`
      : `unknown field "${name || notDefined[1]}": the workbook data has no such value`;
    return templateProblem(
      { file, line: located.lineNumber, column: column0 + 1 },
      file,
      `Template: ${what}`,
    );
  }
  if (error instanceof HelperUsageError) {
    const helper = /^\{\{#?([A-Za-z]+)\}\}/.exec(message)?.[1] ?? "";
    const position = findInTemplates(
      sources,
      helper,
      file,
      new RegExp(`(?:\\{\\{#?|\\()${escapeRegExp(helper)}[\\s})]`, "g"),
    );
    // The value quoted in the message may carry the data marks; show it as the user typed it.
    return templateProblem(
      position,
      file,
      // The data marks are control characters by design (see escape.ts).
      // eslint-disable-next-line no-control-regex
      `Template: ${message.replace(/[\u0001-\u0003\u001f]/g, "")}`,
    );
  }
  const partial = /^The partial (\S+) could not be found/.exec(message);
  if (partial) {
    const name = partial[1] ?? "";
    const position = findInTemplates(
      sources,
      name,
      file,
      new RegExp(`\\{\\{>\\s*${escapeRegExp(name)}\\b`, "g"),
    );
    return templateProblem(
      position,
      file,
      `Template: no partial "${name}" (expected a file _${name}.md.hbs)`,
    );
  }
  if (typeof located.lineNumber === "number") {
    return templateProblem(
      { file, line: located.lineNumber, column: (located.column ?? 0) + 1 },
      file,
      `Template: ${message.replace(/ - \d+:\d+$/, "")}`,
    );
  }
  return templateProblem(null, file, `Template: ${message}`);
}

function compileOne(env: Env, file: string, source: string, problems: Problem[]): Render | null {
  try {
    const ast = env.parse(source);
    const template = env.compile(ast, COMPILE_OPTIONS);
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        return template(context, options);
      } catch (error) {
        if (typeof error === "object" && error !== null && !FILE_OF_ERROR.has(error))
          FILE_OF_ERROR.set(error, file);
        throw error;
      }
    };
  } catch (error) {
    problems.push(parseProblem(file, source, error));
    return null;
  }
}

const cache = new WeakMap<object, { compiled: CompiledTemplates; problems: Problem[] }>();

/** Compiles the documents and partials once; later calls with the same object reuse the result. */
export function compileTemplates(sources: Readonly<Record<string, string>>): {
  compiled: CompiledTemplates;
  problems: Problem[];
} {
  const cached = cache.get(sources);
  if (cached) return cached;
  const env = Handlebars.create();
  env.registerHelper(HELPERS);
  const problems: Problem[] = [];
  for (const [file, source] of Object.entries(sources)) {
    const name = partialName(file);
    if (name === null) continue;
    const render = compileOne(env, file, source, problems);
    if (!render) continue;
    // A partial registered as a function: Handlebars calls it with the context and
    // runtime options (data, indentation); compileOne's wrapper tags errors with the file.
    env.registerPartial(name, render as unknown as Handlebars.Template);
  }
  const render: CompiledTemplates["render"] = {};
  for (const [kind, file] of Object.entries(MAIN_TEMPLATE) as [DocumentKind, string][]) {
    const source = sources[file];
    if (source === undefined) continue;
    const compiled = compileOne(env, file, source, problems);
    if (compiled) render[kind] = compiled;
  }
  const result = { compiled: { sources, render }, problems };
  cache.set(sources, result);
  return result;
}

/** Renders a document's markup, or the located problem that stopped it. */
export function renderMarkup(
  compiled: CompiledTemplates,
  kind: DocumentKind,
  context: unknown,
): { markup: string; problems: Problem[] } {
  const file = MAIN_TEMPLATE[kind];
  const render = compiled.render[kind];
  if (!render) {
    const present = compiled.sources[file] !== undefined;
    return {
      markup: "",
      problems: present ? [] : [templateProblem(null, file, "Template file not found")],
    };
  }
  try {
    return { markup: render(context), problems: [] };
  } catch (error) {
    return { markup: "", problems: [renderProblem(compiled.sources, file, error)] };
  }
}

export { positionAt };

const standalone = new WeakMap<
  object,
  Map<string, { render: Render | null; problems: Problem[] }>
>();

/**
 * Renders a template that is not one of MAIN_TEMPLATE's documents (the
 * board's reports), with the same helpers, partials and located errors;
 * compiled once per sources object and file.
 */
export function renderTemplateFile(
  sources: Readonly<Record<string, string>>,
  file: string,
  context: unknown,
): { markup: string; problems: Problem[] } {
  const source = sources[file];
  if (source === undefined)
    return { markup: "", problems: [templateProblem(null, file, "Template file not found")] };
  const byFile = standalone.get(sources) ?? new Map();
  standalone.set(sources, byFile);
  let entry = byFile.get(file);
  if (!entry) {
    const env = Handlebars.create();
    env.registerHelper(HELPERS);
    const problems: Problem[] = [];
    for (const [name, text] of Object.entries(sources)) {
      const partial = partialName(name);
      const compiled = partial === null ? null : compileOne(env, name, text, problems);
      if (partial !== null && compiled)
        env.registerPartial(partial, compiled as unknown as Handlebars.Template);
    }
    entry = { render: compileOne(env, file, source, problems), problems };
    byFile.set(file, entry);
  }
  if (!entry.render || entry.problems.length > 0) return { markup: "", problems: entry.problems };
  try {
    return { markup: entry.render(context), problems: [] };
  } catch (error) {
    return { markup: "", problems: [renderProblem(sources, file, error)] };
  }
}
