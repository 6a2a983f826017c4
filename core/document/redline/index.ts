/** The redline between years: a new agreement as tracked changes against the one this tool made last year. */
export { redlineDocument, type RedlineInput, type RedlineResult } from "./redline.js";
export { REDLINE_AUTHOR } from "./revisions.js";
