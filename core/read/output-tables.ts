import { RAG_HISTORY_TABLE } from "../layout/tables/rag-history.js";
import { SPC_TABLE } from "../layout/tables/spc.js";

/**
 * Tables a built workbook holds for people to read, worked out from the
 * others and written again with the workbook: no reader reads them back, so
 * a reader skips them (at 50,000 indicators the RAG history alone is 650,000
 * cells, a third of what a reader allows in all).
 */
export const OUTPUT_ONLY_TABLES: ReadonlySet<string> = new Set([RAG_HISTORY_TABLE, SPC_TABLE]);
