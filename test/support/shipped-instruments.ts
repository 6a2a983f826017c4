/** The ids of the instruments in templates/instruments, in the order the workbook lays them out. */
export const SHIPPED_INSTRUMENT_IDS = [
  "kotter_vision",
  "audit_commission",
  "eight_is",
  "relationship_stages",
  "performance_management",
  "idea",
  "nuffield",
  "benefits",
  "pitfalls",
  "bank_account",
];
