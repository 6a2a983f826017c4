// Types for bin/batch-process.mjs, which the TypeScript sources import for the flag list.
export declare const BATCH_V8_FLAGS: readonly string[];
export declare function startsBatch(args: readonly string[]): boolean;
export declare function batchProcessArgs(
  execArgv: readonly string[],
  argv: readonly string[],
): string[];
export declare function runAsBatchProcess(): Promise<number>;
