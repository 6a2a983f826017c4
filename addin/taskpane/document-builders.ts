/**
 * The document builders, fetched the first time the officer asks for a
 * document (a dynamic import, so webpack puts them in a chunk of their own):
 * the docx library and the reports stay out of the pane's first download,
 * which a council laptop loads every time Excel opens the pane.
 */
export { buildDocument } from "../../core/document/index.js";
export { buildPerformanceReport } from "../../core/document/performance-report/build.js";
export { buildAssessmentReport } from "../../core/document/assessment-report/build.js";
export { redlineDocument } from "../../core/document/redline/index.js";
