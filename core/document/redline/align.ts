import { diff } from "./diff.js";

/**
 * Pairs last year's blocks with this year's: first by identity (a clause's
 * key, or the exact text of a paragraph without one), in order, by the
 * shortest edit script; then, among the blocks left over between two
 * anchors, each old block with the most similar new one still ahead of it,
 * when they are alike enough to show as one block edited rather than one
 * deleted and another inserted.
 */

export type Pairing<T> =
  | { kind: "both"; older: T; newer: T }
  | { kind: "delete"; older: T }
  | { kind: "insert"; newer: T };

/** Below this share of words in common, two paragraphs are shown as one removed and one added. */
const ALIKE = 0.5;

export function align<T>(
  older: readonly T[],
  newer: readonly T[],
  identity: (item: T) => string,
  likeness: (a: T, b: T) => number,
): Pairing<T>[] {
  const edits = diff(older.map(identity), newer.map(identity));
  const result: Pairing<T>[] = [];
  let deleted: T[] = [];
  let inserted: T[] = [];
  const flush = () => {
    pairGap(deleted, inserted, likeness, result);
    deleted = [];
    inserted = [];
  };
  for (const edit of edits) {
    for (let i = 0; i < edit.count; i++) {
      if (edit.kind === "equal") {
        flush();
        result.push({
          kind: "both",
          older: older[edit.oldStart + i] as T,
          newer: newer[edit.newStart + i] as T,
        });
      } else if (edit.kind === "delete") deleted.push(older[edit.oldStart + i] as T);
      else inserted.push(newer[edit.newStart + i] as T);
    }
  }
  flush();
  return result;
}

function pairGap<T>(
  older: readonly T[],
  newer: readonly T[],
  likeness: (a: T, b: T) => number,
  into: Pairing<T>[],
): void {
  let next = 0;
  for (const old of older) {
    let best = -1;
    let bestScore = ALIKE;
    for (let j = next; j < newer.length; j++) {
      const score = likeness(old, newer[j] as T);
      if (score >= bestScore && (best < 0 || score > bestScore)) {
        best = j;
        bestScore = score;
      }
    }
    if (best < 0) {
      into.push({ kind: "delete", older: old });
      continue;
    }
    for (; next < best; next++) into.push({ kind: "insert", newer: newer[next] as T });
    into.push({ kind: "both", older: old, newer: newer[best] as T });
    next = best + 1;
  }
  for (; next < newer.length; next++) into.push({ kind: "insert", newer: newer[next] as T });
}
