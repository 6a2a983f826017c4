/**
 * Errors shaped like OfficeExtension.Error (`code`, `message`, `debugInfo`), so
 * the pane's error wording is exercised by the same objects Excel would throw.
 */
export class FakeOfficeError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string; errorLocation?: string };

  constructor(code: string, message: string, errorLocation?: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export function propertyNotLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export function invalidArgument(message: string, where?: string): FakeOfficeError {
  return new FakeOfficeError("InvalidArgument", message, where);
}

export function itemNotFound(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `The requested resource doesn't exist: ${what}.`);
}

export function itemAlreadyExists(what: string): FakeOfficeError {
  return new FakeOfficeError(
    "ItemAlreadyExists",
    `A resource with the same name or identifier already exists: ${what}.`,
  );
}
