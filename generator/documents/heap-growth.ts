import { setFlagsFromString } from "node:v8";

/**
 * A batch's peak memory does not creep up with its length. Between full
 * collections V8 lets the heap grow by a factor it works out as it goes (up
 * to four times the live heap) and, in a process that allocates at a steady
 * rate, it widens that factor the longer the process runs: a one-thread batch
 * peaked at 134–141 MB after 25 documents and 164–170 MB after 200, though
 * what it kept alive after a collection was the same. A fixed factor of 1.5
 * holds the peak where a short batch's is (about 122 MB after 25 documents,
 * 127 MB after 400). It costs more full collections on a small live heap
 * (20–35 instead of 2–3 over 200 documents: 12% more CPU and 8% more wall
 * time for a one-thread batch on a quiet 2-core machine); a factor of 2 cost
 * about half that but still crept up 8–10% from 25 to 200 documents.
 *
 * V8 reads the factor at every collection, so it can be set once the process
 * runs; a batch's worker processes set it as they start (worker.ts). It is
 * set for the rest of the process: the command line runs one batch and exits.
 */
export const HEAP_GROWING_PERCENT = 50;

let bounded = false;

export function boundHeapGrowth(): void {
  if (bounded) return;
  bounded = true;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
