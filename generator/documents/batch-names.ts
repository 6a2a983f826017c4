import { basename, dirname, extname, sep } from "node:path";

/**
 * Names for a batch's documents that can never collide. A document is named
 * after its workbook (`board.xlsx` → `board-agreement.docx`); when two
 * workbooks in different folders share a file name, each name starts with the
 * folders that tell them apart (`a/board.xlsx` → `a-board-agreement.docx`).
 * A team running hundreds of workbooks overnight gets every document and a
 * plain note, rather than a refused batch or one document silently replacing
 * another. Names are compared ignoring case, as Windows and macOS do.
 */

export interface BatchName {
  workbook: string;
  /** The document's name before `-KIND.docx`. */
  stem: string;
}

export interface SharedName {
  /** The file name the workbooks share, e.g. `board.xlsx`. */
  name: string;
  members: BatchName[];
}

export interface BatchNames {
  names: BatchName[];
  /** Groups that were renamed, to tell the user. */
  shared: SharedName[];
}

const key = (text: string) => text.toLowerCase();

function folders(path: string): string[] {
  return dirname(path)
    .split(sep)
    .filter((part) => part !== "" && !part.endsWith(":"));
}

/** Shortest run of parent folders that makes every name in the group distinct. */
function distinguish(paths: readonly string[]): string[] {
  const stems = paths.map((p) => basename(p, extname(p)));
  const depth = Math.max(...paths.map((p) => folders(p).length));
  for (let k = 1; k <= depth; k++) {
    const candidates = paths.map((p, i) => [...folders(p).slice(-k), stems[i]].join("-"));
    if (new Set(candidates.map(key)).size === candidates.length) return candidates;
  }
  // Only possible when paths differ by case alone: number them in order.
  return stems.map((stem, i) => (i === 0 ? stem : `${stem}-${i + 1}`));
}

/** Adds -2, -3… to any name still taken (a renamed `a-board` meeting a workbook called `a-board.xlsx`). */
function unique(stems: string[]): string[] {
  const taken = new Set<string>();
  return stems.map((stem) => {
    let name = stem;
    for (let n = 2; taken.has(key(name)); n++) name = `${stem}-${n}`;
    taken.add(key(name));
    return name;
  });
}

/** Workbooks must be distinct, absolute paths (the command removes repeats first). */
export function batchNames(workbooks: readonly string[]): BatchNames {
  const groups = new Map<string, number[]>();
  workbooks.forEach((workbook, index) => {
    const stem = key(basename(workbook, extname(workbook)));
    groups.set(stem, [...(groups.get(stem) ?? []), index]);
  });
  const stems = workbooks.map((w) => basename(w, extname(w)));
  const renamed: number[][] = [];
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const better = distinguish(indexes.map((i) => workbooks[i] ?? ""));
    indexes.forEach((workbookIndex, i) => (stems[workbookIndex] = better[i] ?? ""));
    renamed.push(indexes);
  }
  const final = unique(stems);
  const names = workbooks.map((workbook, i) => ({ workbook, stem: final[i] ?? "" }));
  const shared = renamed.map((indexes) => ({
    name: basename(workbooks[indexes[0] ?? 0] ?? ""),
    members: indexes.map((i) => names[i]).filter((n): n is BatchName => n !== undefined),
  }));
  return { names, shared };
}
