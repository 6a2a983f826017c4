/** The file could not be opened as a workbook at all (exit code 2); the message says why and what to do. */
export class UnreadableWorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnreadableWorkbookError";
  }
}
