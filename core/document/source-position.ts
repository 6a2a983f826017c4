/**
 * Finding things in template sources, so every template error names the file,
 * line and column a lawyer or officer has to open.
 */

export interface SourcePosition {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

/** Line and column (1-based) of an offset in a text. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * The first place a snippet occurs in the templates, main file first, then the
 * partials in name order. Used for problems found after rendering (a broken
 * cross-reference, an undefined term), whose text came from a template.
 */
export function findInTemplates(
  templates: Readonly<Record<string, string>>,
  snippet: string,
  preferFile: string,
  pattern?: RegExp,
): SourcePosition | null {
  const files = [
    preferFile,
    ...Object.keys(templates)
      .filter((f) => f !== preferFile)
      .sort(),
  ];
  for (const file of files) {
    const source = templates[file];
    if (source === undefined) continue;
    let offset = -1;
    if (pattern) {
      pattern.lastIndex = 0;
      const match = pattern.exec(source);
      offset = match ? match.index : -1;
    } else {
      offset = source.indexOf(snippet);
    }
    if (offset >= 0) return { file, ...positionAt(source, offset) };
  }
  return null;
}
