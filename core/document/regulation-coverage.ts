/**
 * Regulation 7(3) of SI 2000/617: what a pooled-fund agreement must specify.
 * Each template clause that satisfies an item says so with a tag in the
 * markup (`%% satisfies: 7(3)(a)`), so the check follows whatever the
 * templates actually render: a clause dropped by `{{#if}}` covers nothing.
 * A draft gets a drafting note listing where each item is met; a final
 * agreement with a pooled fund is refused while any item is not.
 */

export const REGULATION_7_3 = {
  a: "the agreed aims and outcomes",
  b: "each partner's contributions and how they may be varied",
  c: "the NHS functions and health-related functions covered",
  d: "the persons and the kinds of services covered",
  e: "the staff, goods, services or accommodation each partner provides",
  f: "the duration, and provision for review, variation and termination",
  g: "how the pooled fund is managed and monitored",
} as const;
export type Regulation73Item = keyof typeof REGULATION_7_3;

const ITEMS = Object.keys(REGULATION_7_3) as Regulation73Item[];
const TAG = /^%%\s*satisfies:\s*(.*)$/;
const ITEM = /^7\(3\)\(([a-z])\)$/;
const ANCHOR = /\{#([A-Za-z0-9_.-]+)\}\s*$/;
/** Where the drafting note goes: the template says, with `%% regulation-7-3-note`. */
const NOTE_MARKER = /^%%\s*regulation-7-3-note\s*$/;

export interface CoverageIssue {
  message: string;
  snippet: string;
}

export interface Coverage {
  /** Item → ids of the clauses (or schedules) that satisfy it, in document order. */
  covered: Map<Regulation73Item, string[]>;
  missing: Regulation73Item[];
  /** The markup with the coverage note in place of its marker (a draft with a pooled fund). */
  markup: string;
  issues: CoverageIssue[];
}

/** "(c) the NHS functions and health-related functions covered". */
export function describeItem(item: Regulation73Item): string {
  return `(${item}) ${REGULATION_7_3[item]}`;
}

export function regulationCoverage(
  markup: string,
  options: { pooled: boolean; draft: boolean },
): Coverage {
  const covered = new Map<Regulation73Item, string[]>();
  const issues: CoverageIssue[] = [];
  let anchor = "";
  const lines = markup.split("\n");
  for (const line of lines) {
    const trimmed = line.trim();
    const id = ANCHOR.exec(trimmed);
    if (id && !trimmed.startsWith("%%")) anchor = id[1] ?? "";
    const tag = TAG.exec(trimmed);
    if (!tag) continue;
    for (const raw of (tag[1] ?? "").split(",").map((s) => s.trim())) {
      const item = ITEM.exec(raw)?.[1];
      if (!item || !(ITEMS as string[]).includes(item)) {
        issues.push({
          message: `"${raw}" is not an item of regulation 7(3): tags read "%% satisfies: 7(3)(a)" for items (a) to (g)`,
          snippet: trimmed,
        });
        continue;
      }
      const list = covered.get(item as Regulation73Item) ?? [];
      if (anchor && !list.includes(anchor)) list.push(anchor);
      covered.set(item as Regulation73Item, list);
    }
  }
  const missing = ITEMS.filter((item) => !covered.has(item));
  const note = options.pooled && options.draft ? coverageNote(covered) : null;
  const withNote = lines
    .map((line) => (NOTE_MARKER.test(line.trim()) ? (note ?? "") : line))
    .join("\n");
  return { covered, missing, markup: withNote, issues };
}

/** One drafting note: each item and the clauses that meet it, or that nothing does yet. */
function coverageNote(covered: Map<Regulation73Item, string[]>): string {
  const parts = ITEMS.map((item) => {
    const ids = covered.get(item);
    const where =
      ids && ids.length > 0
        ? ids.map((id) => `[[clause:${id}]]`).join(", ")
        : "NOT COVERED: a final agreement will be refused";
    return `${describeItem(item)}: ${where}`;
  });
  return `> NOTE: Regulation 7(3) of the Regulations (what a pooled fund agreement must specify) is met as follows. ${parts.join("; ")}.`;
}
