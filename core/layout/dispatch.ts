import type { Operation } from "./operations.js";

/**
 * One handler per operation kind. Both interpreters (exceljs and Office.js)
 * declare their handlers as an `OperationHandlers`, so adding a kind to the
 * vocabulary is a compile error in every host until it handles it.
 */
export type OperationHandlers<Context, Result> = {
  [K in Operation["kind"]]: (op: Extract<Operation, { kind: K }>, context: Context) => Result;
};

/** Calls the handler for the operation's kind. */
export function dispatch<Context, Result>(
  handlers: OperationHandlers<Context, Result>,
  op: Operation,
  context: Context,
): Result {
  // The mapped type guarantees the handler for `op.kind` takes exactly this operation.
  const handler = handlers[op.kind] as (op: Operation, context: Context) => Result;
  return handler(op, context);
}
