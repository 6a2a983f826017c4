import type { IsoDate } from "./types.js";

/**
 * The assessment cycle's records (issue 8). Kept apart from `types.ts` so the
 * cycle can grow without touching every partnership constructor: each list is
 * optional on `Partnership` and absent means "no cycle recorded yet".
 */

/** One score ever collected: a row of the long-format `Assessment history` table. */
export interface AssessmentScoreRecord {
  round: string;
  date: IsoDate | null;
  instrumentId: string;
  section: string;
  statement: string;
  /** A partner's short name, or "Respondent N" in an anonymous round. */
  respondent: string;
  score: number | null;
  comment: string;
}

export type ActionReason = "weakest" | "contested" | "worsened";

/** A row of the `Actions` table. */
export interface AssessmentAction {
  instrumentId: string;
  item: string;
  reason: ActionReason | null;
  action: string;
  owner: string;
  dueDate: IsoDate | null;
  status: string;
  reviewDate: IsoDate | null;
}

/**
 * A row of the `Assessment rounds` table. The open round (no closed date) is
 * the current one. `returned` lists who has sent a return, in partner order,
 * never in the order they arrived: an anonymous round keeps no link from
 * respondent to partner, but who has returned is not a secret in any tool.
 */
export interface AssessmentRound {
  name: string;
  opened: IsoDate | null;
  closed: IsoDate | null;
  anonymous: boolean;
  returned: string[];
}
