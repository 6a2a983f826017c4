/**
 * Structured references, in the long form Excel stores in the file
 * (`Finance[[#This Row],[Budget (£)]]`). Specs are written with the short
 * `[@Column]` form people read in Excel, and expanded here.
 */

/** Inside brackets only [, ], # and ' need escaping, each with a leading '. */
export function escapeColumnName(name: string): string {
  return name.replace(/['#[\]]/g, (char) => `'${char}`);
}

export function thisRow(table: string, column: string): string {
  return `${table}[[#This Row],[${escapeColumnName(column)}]]`;
}

export function thisRowSpan(table: string, first: string, last: string): string {
  return `${table}[[#This Row],[${escapeColumnName(first)}]:[${escapeColumnName(last)}]]`;
}

export function wholeColumn(table: string, column: string): string {
  return `${table}[${escapeColumnName(column)}]`;
}

/**
 * Expands `[@Column]`, `[@[Column with spaces]]` and `[@[First]:[Last]]`
 * into long-form references to `table`.
 */
export function expandShorthand(table: string, formula: string): string {
  return formula
    .replace(/\[@\[([^\]]+)\]:\[([^\]]+)\]\]/g, (_m, first: string, last: string) =>
      thisRowSpan(table, first, last),
    )
    .replace(/\[@\[([^\]]+)\]\]/g, (_m, column: string) => thisRow(table, column))
    .replace(/\[@([^\]]+)\]/g, (_m, column: string) => thisRow(table, column));
}
