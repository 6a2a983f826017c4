import { describe, expect, it } from "vitest";
import { describeError, UserFacingError } from "../../../addin/excel/errors.js";
import { FakeOfficeError } from "../../../addin/preview/fake-excel/index.js";

describe("describeError", () => {
  it("says what to do for each Office error code, with the details last", () => {
    const message = describeError(
      new FakeOfficeError("AccessDenied", "The sheet is protected."),
      "set up the workbook",
    );
    expect(message).toMatch(
      /^Could not set up the workbook\. The workbook or sheet is protected\. Unprotect it/,
    );
    expect(message).toContain("(Details: AccessDenied: The sheet is protected.)");
  });

  it("passes our own refusals through as they are worded", () => {
    expect(describeError(new UserFacingError("Add P3 back to Partners."), "refresh")).toBe(
      "Add P3 back to Partners.",
    );
  });

  it("still gives advice for an unknown failure", () => {
    expect(describeError(new Error("boom"), "check the workbook")).toMatch(
      /Save your work and try again.*boom/,
    );
  });
});
