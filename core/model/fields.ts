/**
 * Model fields addressed by the path a column spec gives ("shortName", or
 * "smart.specific" for a nested one), so the writer, the reader and the
 * documents go from spec to field without a hand-written map per table.
 */

function parts(path: string): string[] {
  return path.split(".");
}

export function fieldValue(record: object, path: string): unknown {
  let current: unknown = record;
  for (const part of parts(path)) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

export function setFieldValue(record: object, path: string, value: unknown): void {
  const keys = parts(path);
  const last = keys.pop() ?? path;
  let target = record as Record<string, unknown>;
  for (const key of keys) {
    const next = target[key];
    if (typeof next !== "object" || next === null) target[key] = {};
    target = target[key] as Record<string, unknown>;
  }
  target[last] = value;
}
