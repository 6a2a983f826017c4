/**
 * Request size: Excel for the web refuses a request over 5 MB, so large
 * builds are split into batches under a budget, each its own `sync()`.
 */

/**
 * The budget per batch: below the 5 MB limit, leaving room for the object paths
 * and action records Office.js adds around each value.
 */
export const DEFAULT_BATCH_BUDGET = 4 * 1024 * 1024;

/** Per queued call: the object path and the action record around its arguments. */
export const CALL_OVERHEAD_BYTES = 120;

const utf8 = new TextEncoder();

/** Bytes of the value's JSON in UTF-8, as it travels ("£" is two bytes). */
export function jsonSize(value: unknown): number {
  const json = JSON.stringify(value);
  return json === undefined ? 0 : utf8.encode(json).length;
}

/** Greedy packing in order: order matters (sheets before cells, tables before formulas). */
export function packInBatches<T extends { bytes: number }>(
  steps: readonly T[],
  budget: number,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const step of steps) {
    if (current.length > 0 && size + step.bytes > budget) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(step);
    size += step.bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
