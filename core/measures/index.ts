export * from "./indicator.js";
export * from "./smart.js";
export * from "./finance.js";
export * from "./assessment.js";
export * from "./summary.js";
export * from "./rag-by-objective.js";
