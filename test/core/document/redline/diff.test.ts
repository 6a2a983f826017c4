import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diff } from "../../../../core/document/redline/diff.js";
import { words } from "../../../../core/document/redline/tokens.js";

function lcsLength(a: readonly string[], b: readonly string[]): number {
  let row = new Array<number>(b.length + 1).fill(0);
  for (const x of a) {
    const next = [0];
    b.forEach((y, j) =>
      next.push(x === y ? (row[j] ?? 0) + 1 : Math.max(row[j + 1] ?? 0, next[j] ?? 0)),
    );
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The edit script's two readings: keep equal and inserted items (accept), or equal and deleted (reject). */
function replay(older: string[], newer: string[]) {
  const accepted: string[] = [];
  const rejected: string[] = [];
  let changed = 0;
  for (const edit of diff(older, newer)) {
    const olds = older.slice(edit.oldStart, edit.oldStart + edit.count);
    const news = newer.slice(edit.newStart, edit.newStart + edit.count);
    if (edit.kind === "equal") {
      expect(news).toEqual(olds);
      accepted.push(...news);
      rejected.push(...olds);
    } else if (edit.kind === "insert") {
      accepted.push(...news);
      changed += edit.count;
    } else {
      rejected.push(...olds);
      changed += edit.count;
    }
  }
  return { accepted, rejected, changed };
}

describe("word diff", () => {
  it("gives back both texts, whatever they are", () => {
    const token = fc.constantFrom("a", "b", "c", " ", ",", "Partner", "£1,000");
    fc.assert(
      fc.property(
        fc.array(token, { maxLength: 40 }),
        fc.array(token, { maxLength: 40 }),
        (a, b) => {
          const { accepted, rejected, changed } = replay(a, b);
          expect(accepted).toEqual(b);
          expect(rejected).toEqual(a);
          // The shortest script: every item outside a longest common subsequence, and no more.
          expect(changed).toBe(a.length + b.length - 2 * lcsLength(a, b));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("marks only what changed: one figure in a sentence is one word out and one in", () => {
    const older = words("Each Partner shall contribute £2,000,000 in the first Financial Year.");
    const newer = words("Each Partner shall contribute £2,125,000 in the first Financial Year.");
    expect(replay(older, newer).changed).toBe(2);
    expect(diff(older, newer).filter((e) => e.kind !== "equal")).toEqual([
      expect.objectContaining({ kind: "delete", count: 1 }),
      expect.objectContaining({ kind: "insert", count: 1 }),
    ]);
  });

  it("is the empty script for two empty texts, and all-insert or all-delete against nothing", () => {
    expect(diff([], [])).toEqual([]);
    expect(diff([], ["a", "b"])).toEqual([{ kind: "insert", oldStart: 0, newStart: 0, count: 2 }]);
    expect(diff(["a", "b"], [])).toEqual([{ kind: "delete", oldStart: 0, newStart: 0, count: 2 }]);
  });
});
