import { DATA_END, DATA_START, MISSING_MARK, MISSING_SEP } from "../escape.js";

/**
 * The inline markup: `**bold**`, `*italic*`, `\x` escapes (`\n` is a line
 * break), `[[clause:id]]` cross-references (also `[[Clause:id]]` at the start
 * of a sentence and `[[ref:id]]` for the bare number), the data marks around
 * workbook text and the missing-value markers the view model prints.
 */

export type RefForm = "clause" | "Clause" | "ref";

export type Inline =
  | {
      kind: "text";
      text: string;
      bold: boolean;
      italic: boolean;
      data: boolean;
      /** A resolved cross-reference's target id: Word writes its number as a REF field. */
      ref?: string;
    }
  | { kind: "ref"; form: RefForm; target: string; raw: string; bold: boolean; italic: boolean }
  | { kind: "missing"; label: string; location: string }
  | { kind: "break" };

export interface InlineIssue {
  message: string;
  /** The text a template author would search for. */
  snippet: string;
}

const REF = /^\[\[(clause|Clause|ref):([A-Za-z0-9_.-]+)\]\]/;

export function parseInline(source: string, issues: InlineIssue[] = []): Inline[] {
  const out: Inline[] = [];
  let buffer = "";
  let bold = false;
  let italic = false;
  let data = false;
  const flush = () => {
    if (buffer === "") return;
    const last = out[out.length - 1];
    if (
      last &&
      last.kind === "text" &&
      last.bold === bold &&
      last.italic === italic &&
      last.data === data
    ) {
      last.text += buffer;
    } else {
      out.push({ kind: "text", text: buffer, bold, italic, data });
    }
    buffer = "";
  };
  // The data and missing-value marks are control characters by design (see escape.ts).
  // eslint-disable-next-line no-control-regex
  const special = /[\\\u0001\u0002\u0003[*]/g;
  for (let i = 0; i < source.length; i++) {
    // Copy plain text up to the next character the markup cares about in one go.
    special.lastIndex = i;
    const next = special.exec(source);
    const stop = next ? next.index : source.length;
    if (stop > i) {
      buffer += source.slice(i, stop);
      i = stop - 1;
      continue;
    }
    const c = source[i];
    if (c === "\\") {
      const next = source[i + 1];
      i++;
      if (next === "n") {
        flush();
        out.push({ kind: "break" });
      } else if (next !== undefined) {
        buffer += next;
      }
      continue;
    }
    if (c === DATA_START || c === DATA_END) {
      flush();
      data = c === DATA_START;
      continue;
    }
    if (c === MISSING_MARK) {
      const end = source.indexOf(MISSING_MARK, i + 1);
      const body = source.slice(i + 1, end < 0 ? source.length : end);
      const [label = "", location = ""] = body.split(MISSING_SEP);
      flush();
      out.push({ kind: "missing", label, location });
      i = end < 0 ? source.length : end;
      continue;
    }
    if (!data && c === "[" && source[i + 1] === "[") {
      const match = REF.exec(source.slice(i));
      if (match) {
        flush();
        out.push({
          kind: "ref",
          form: match[1] as RefForm,
          target: match[2] ?? "",
          raw: match[0],
          bold,
          italic,
        });
        i += match[0].length - 1;
        continue;
      }
      const close = source.indexOf("]]", i);
      const raw = source.slice(i, close < 0 ? Math.min(source.length, i + 30) : close + 2);
      issues.push({
        message: `Malformed cross-reference ${raw}: write [[clause:id]], [[Clause:id]] or [[ref:id]]`,
        snippet: raw,
      });
    }
    if (!data && c === "*") {
      flush();
      if (source[i + 1] === "*") {
        bold = !bold;
        i++;
      } else {
        italic = !italic;
      }
      continue;
    }
    buffer += c;
  }
  flush();
  return out;
}

/** The plain text of inline content (references as written, missing values as their marker). */
export function plainText(content: readonly Inline[]): string {
  return content
    .map((part) => {
      switch (part.kind) {
        case "text":
          return part.text;
        case "ref":
          return part.raw;
        case "missing":
          return `[MISSING: ${part.label}]`;
        case "break":
          return "\n";
      }
    })
    .join("");
}
