/**
 * Myers' O(ND) difference over two sequences of keys: the shortest edit
 * script, as runs of kept, deleted and inserted items. Word-level diffs of a
 * changed clause are a few hundred tokens with a handful of edits, which
 * O(ND) does in microseconds where a full LCS table would cost O(NM).
 */

export type EditKind = "equal" | "delete" | "insert";

/** A run of edits: `count` items from `oldStart` (equal, delete) and/or `newStart` (equal, insert). */
export interface Edit {
  kind: EditKind;
  oldStart: number;
  newStart: number;
  count: number;
}

function push(edits: Edit[], kind: EditKind, oldStart: number, newStart: number): void {
  const last = edits[edits.length - 1];
  if (
    last &&
    last.kind === kind &&
    (kind === "insert" || last.oldStart + last.count === oldStart) &&
    (kind === "delete" || last.newStart + last.count === newStart)
  ) {
    last.count++;
    return;
  }
  edits.push({ kind, oldStart, newStart, count: 1 });
}

/** The edit script turning `older` into `newer`; deletions come before insertions at each change. */
export function diff(older: readonly string[], newer: readonly string[]): Edit[] {
  const n = older.length;
  const m = newer.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0))
          ? (v[offset + k + 1] ?? 0)
          : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && older[x] === newer[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  // Walk the trace back from (n, m), collecting single steps, then merge them into runs.
  const steps: { kind: EditKind; x: number; y: number }[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const vd = trace[d] as Int32Array;
    const k = x - y;
    const down = k === -d || (k !== d && (vd[offset + k - 1] ?? 0) < (vd[offset + k + 1] ?? 0));
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : (vd[offset + prevK] ?? 0);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY && x > 0 && y > 0) {
      steps.push({ kind: "equal", x: x - 1, y: y - 1 });
      x--;
      y--;
    }
    if (d === 0) break;
    if (down) steps.push({ kind: "insert", x, y: y - 1 });
    else steps.push({ kind: "delete", x: x - 1, y });
    x = prevX;
    y = prevY;
  }
  steps.reverse();
  const edits: Edit[] = [];
  // Within each change, deletions first: the reader sees what went, then what came.
  let i = 0;
  while (i < steps.length) {
    const step = steps[i] as (typeof steps)[number];
    if (step.kind === "equal") {
      push(edits, "equal", step.x, step.y);
      i++;
      continue;
    }
    let j = i;
    while (j < steps.length && steps[j]?.kind !== "equal") j++;
    const change = steps.slice(i, j);
    for (const s of change) if (s.kind === "delete") push(edits, "delete", s.x, s.y);
    for (const s of change) if (s.kind === "insert") push(edits, "insert", s.x, s.y);
    i = j;
  }
  return edits;
}
