import { AlignmentType, LevelFormat, LevelSuffix, type File, type ILevelsOptions } from "docx";

/**
 * Clause and schedule numbers as Word multi-level lists, so a solicitor who
 * inserts or deletes a clause in Word sees every number (and, after updating
 * fields, every cross-reference) follow. Two lists: the clauses of the body
 * (1., 1.1, 1.1.1) and the schedules, whose headings are the list's first
 * level ("Schedule 3") so the paragraphs under each schedule restart at 1
 * by themselves. The numbers Word computes are the numbers clauses.ts
 * computed: every numbered clause is in a list, nothing else is, and the
 * levels restart exactly where clauses.ts resets its counters.
 */

const CLAUSES_REFERENCE = "clauses";
const SCHEDULES_REFERENCE = "schedules";

/**
 * The w:numId of each list. docx numbers its own bullet list 1 and then the
 * lists in the order `registerLists` creates them; the numbering tests check
 * numbering.xml says so.
 */
export const LIST_IDS = { clauses: 2, schedules: 3 } as const;

/** Indents as the clause paragraph styles have them (styles.ts), so numbering and style agree. */
function level(level: number, text: string, left: number, hanging: number): ILevelsOptions {
  return {
    level,
    format: LevelFormat.DECIMAL,
    text,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: { paragraph: { indent: { left, hanging } } },
  };
}

const CLAUSE_LEVELS: ILevelsOptions[] = [
  level(0, "%1.", 720, 720),
  level(1, "%1.%2", 720, 720),
  level(2, "%1.%2.%3", 1584, 864),
];

const SCHEDULE_LEVELS: ILevelsOptions[] = [
  {
    level: 0,
    format: LevelFormat.DECIMAL,
    // "Schedule 3", as the references print it: a REF field to the heading reads the same.
    text: "Schedule %1",
    alignment: AlignmentType.CENTER,
    suffix: LevelSuffix.NOTHING,
    style: { paragraph: { indent: { left: 0, hanging: 0 } } },
  },
  level(1, "%2.", 720, 720),
  level(2, "%2.%3", 720, 720),
  level(3, "%2.%3.%4", 1584, 864),
];

export const NUMBERING_CONFIG = [
  { reference: CLAUSES_REFERENCE, levels: CLAUSE_LEVELS },
  { reference: SCHEDULES_REFERENCE, levels: SCHEDULE_LEVELS },
];

/** Writes each list's w:num: the body is written as XML, so no docx paragraph asks for them. */
export function registerLists(document: File): void {
  document.Numbering.createConcreteNumberingInstance(CLAUSES_REFERENCE, 0);
  document.Numbering.createConcreteNumberingInstance(SCHEDULES_REFERENCE, 0);
}

/** The list and level of a numbered clause (level 1–3) in the body or in a schedule. */
export function clauseNumbering(
  clauseLevel: number,
  inSchedule: boolean,
): { id: number; level: number } {
  return inSchedule
    ? { id: LIST_IDS.schedules, level: clauseLevel }
    : { id: LIST_IDS.clauses, level: clauseLevel - 1 };
}

export const SCHEDULE_NUMBERING = { id: LIST_IDS.schedules, level: 0 } as const;
