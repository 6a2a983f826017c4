import { setFlagsFromString } from "node:v8";

/**
 * A batch's peak memory does not creep up with its length. Between full
 * collections V8 lets the heap grow by a factor it works out as it goes (up
 * to four times the live heap) and, in a process that allocates at a steady
 * rate, it widens that factor the longer the process runs: a one-thread batch
 * peaked at about 121 MB over 100 documents and 163 MB over 1,000, though
 * what it kept alive after a collection was the same. A fixed factor of 1.5
 * holds the peak where a short batch's is (about 125 MB whatever the length)
 * for a few more full collections, each a few milliseconds on a batch's small
 * live heap.
 *
 * V8 reads the factor at every collection, so setting it once the process
 * runs applies to this thread and to worker threads alike. It is set for the
 * rest of the process: the command line runs one batch and exits.
 */
export const HEAP_GROWING_PERCENT = 50;

let bounded = false;

export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
