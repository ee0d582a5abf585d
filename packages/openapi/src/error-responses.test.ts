import { defineErrors } from "@error-contract/core";
import { describe, expect, it } from "vitest";
import { errorResponses } from "./error-responses.js";

const errors = defineErrors({ email_taken: { status: 409, message: "Email already registered" } });

describe("errorResponses", () => {
  it("refers bare statuses to their component responses", () => {
    expect(errorResponses([422, 400, 401])).toEqual({
      "400": { $ref: "#/components/responses/BadRequest" },
      "401": { $ref: "#/components/responses/Unauthorized" },
      "422": { $ref: "#/components/responses/UnprocessableContent" },
    });
  });

  it("narrows a status given only as catalog errors to those codes", () => {
    const responses = errorResponses([400, errors.email_taken]);
    expect(Object.keys(responses)).toEqual(["400", "409"]);
    expect(responses["409"]).toMatchObject({
      description: "Conflict: email_taken",
      content: {
        "application/json": { schema: { allOf: [{}, { properties: { error: { enum: ["email_taken"] } } }] } },
      },
    });
  });

  it("keeps the whole component when the bare status is listed too", () => {
    expect(errorResponses([409, errors.email_taken])).toEqual({
      "409": { $ref: "#/components/responses/Conflict" },
    });
  });

  it("refuses a status that is not an error", () => {
    expect(() => errorResponses([200 as never])).toThrow(TypeError);
  });
});
