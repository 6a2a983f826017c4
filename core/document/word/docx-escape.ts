/**
 * Text escaped exactly as docx 9 escapes it (its `escapeAll`): the five XML
 * entities, apostrophes included, and control characters XML 1.0 cannot
 * carry dropped. Parts docx used to write for every document (the header,
 * the comments) are now written from a skeleton docx wrote once, and their
 * text must come out as docx would have written it, byte for byte.
 */

const ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  '"': "&quot;",
  "'": "&apos;",
  "<": "&lt;",
  ">": "&gt;",
};

// eslint-disable-next-line no-control-regex
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;

export function docxEscape(text: string): string {
  return text.replace(ESCAPED, (c) => ENTITIES[c] ?? "");
}
