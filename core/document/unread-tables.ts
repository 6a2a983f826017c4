import { HISTORY_TABLE } from "../layout/tables/history.js";

/**
 * Tables no agreement or terms of reference reads, so a host building one
 * may leave them unread: the assessment history (every partner's score for
 * every item in every round, a workbook's biggest table: 1,659 rows in the
 * example, a fifth of a batch document's time to read). Its problems are
 * `check`'s to report, not the document's.
 */
export const TABLES_DOCUMENTS_LEAVE_UNREAD: ReadonlySet<string> = new Set([HISTORY_TABLE]);
